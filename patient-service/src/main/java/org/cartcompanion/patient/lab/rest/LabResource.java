package org.cartcompanion.patient.lab.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.cartcompanion.patient.lab.LabType;
import org.cartcompanion.patient.lab.service.LabService;
import org.cartcompanion.support.paging.Cursor;
import org.cartcompanion.support.paging.PageResponse;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** A patient's lab history (API.md v1.1: ANC values are kept as a history). */
@Path("/api/v1/patients/{id}/labs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clinical status")
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The role may not call this endpoint", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown patient, or not the caller's center's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class LabResource {

    private final LabService service;
    private final Caller caller;

    public LabResource(LabService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.COORDINATOR })
    @Operation(operationId = "listLabResults", summary = "List a patient's lab history", description = "A clinician or "
            + "coordinator of the patient's center. Every value saved with the clinical status whose value or date changed "
            + "(ANC, PLATELETS, IGG, CD4), newest saved first, append-only; type filters to one kind. Pass nextCursor as "
            + "cursor for the next page (null on the last). 400 for an unknown type, an invalid cursor or a limit outside "
            + "1–100; 404 when the patient is unknown or not of the caller's center.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Unknown type, invalid cursor or limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageResponse<LabResultResponse>> list(@PathParam("id") UUID patientId,
            @Parameter(description = "ANC, PLATELETS, IGG or CD4; all when absent", schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "ANC", "PLATELETS", "IGG", "CD4" })) @QueryParam("type") String type,
            @Parameter(description = "The previous page's nextCursor") @QueryParam("cursor") String cursor,
            @Schema(minimum = "1", maximum = "100", defaultValue = "20") @QueryParam("limit") Integer limit) {
        LabType labType = parse(type);
        int size = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        return service.page(patientId, labType, caller, after == null ? null : after.createdAt(),
                after == null ? null : after.id(), size)
                .map(rows -> PageResponse.of(rows, size, r -> new Cursor(r.recordedAt, r.id), LabResultResponse::of));
    }

    private static LabType parse(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return LabType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "invalid-request", "type must be one of ANC, PLATELETS, IGG, CD4.",
                    List.of(new Problem.FieldError("type", "is not a lab type")));
        }
    }
}
