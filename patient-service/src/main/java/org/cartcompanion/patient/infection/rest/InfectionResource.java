package org.cartcompanion.patient.infection.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cartcompanion.patient.infection.service.InfectionService;
import org.cartcompanion.support.paging.PageResponse;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/patients/{id}/infections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Infection records")
@RolesAllowed({ Roles.CLINICIAN, Roles.COORDINATOR })
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The role may not call this endpoint", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown patient or record, or not the caller's center's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InfectionResource {

    private final InfectionService service;
    private final Caller caller;

    public InfectionResource(InfectionService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordInfection", summary = "Record an infection", description = "A clinician or coordinator of "
            + "the patient's center. Records a confirmed infection and answers 201 with its Location and the record, with the "
            + "day after infusion, the phase, whether it is a breakthrough and whether it is CIBMTR-reportable derived. 400 "
            + "for invalid input (diagnosis before onset, dates in the future); 404 when the patient is unknown or not of the "
            + "caller's center; 422 when sameInfectionOf names no infection of this patient.")
    @APIResponse(responseCode = "201", description = "Recorded, with day after infusion, phase, breakthrough and CIBMTR reportability derived", content = @Content(schema = @Schema(implementation = InfectionEventResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "sameInfectionOf names no infection of this patient", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@PathParam("id") UUID patientId, @Valid @NotNull InfectionEventBody body) {
        return service.create(patientId, body, caller).map(created -> Response
                .created(URI.create("/api/v1/patients/" + patientId + "/infections/" + created.id()))
                .entity(created).build());
    }

    @PUT
    @Path("/{eventId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateInfection", summary = "Update an infection record", description = "A clinician or "
            + "coordinator of the patient's center. Replaces the record and derives its fields again. 400 for invalid input; "
            + "404 when the patient or record is unknown or not of the caller's center; 422 when sameInfectionOf names no "
            + "other infection of this patient.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = InfectionEventResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "sameInfectionOf names the record itself or no infection of this patient", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<InfectionEventResponse> update(@PathParam("id") UUID patientId, @PathParam("eventId") UUID eventId,
            @Valid @NotNull InfectionEventBody body) {
        return service.update(patientId, eventId, body, caller);
    }

    @GET
    @Operation(operationId = "listInfections", summary = "List a patient's infection records", description = "A clinician or "
            + "coordinator of the patient's center. Every record of the patient, by diagnosis date, in one page (nextCursor "
            + "is always null). 404 when the patient is unknown or not of the caller's center.")
    @APIResponse(responseCode = "200", description = "The records")
    public Uni<PageResponse<InfectionEventResponse>> list(@PathParam("id") UUID patientId) {
        return service.list(patientId, caller).map(all -> new PageResponse<>(all, null));
    }

    @GET
    @Path("/{eventId}")
    @Operation(operationId = "getInfection", summary = "Read an infection record", description = "A clinician or coordinator "
            + "of the patient's center. 404 when the patient or record is unknown or not of the caller's center.")
    @APIResponse(responseCode = "200", description = "The record", content = @Content(schema = @Schema(implementation = InfectionEventResponse.class)))
    public Uni<InfectionEventResponse> get(@PathParam("id") UUID patientId, @PathParam("eventId") UUID eventId) {
        return service.get(patientId, eventId, caller);
    }
}
