package org.cartcompanion.careteam.clinician.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cartcompanion.careteam.client.DirectoryChanges;
import org.cartcompanion.careteam.clinician.service.ClinicianService;
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

@Path("/api/v1/centers/{centerId}/clinicians")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clinicians")
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The role may not call this endpoint", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown center, or not the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ClinicianResource {

    private final ClinicianService service;
    private final Caller caller;
    private final DirectoryChanges changes;

    public ClinicianResource(ClinicianService service, Caller caller, DirectoryChanges changes) {
        this.service = service;
        this.caller = caller;
        this.changes = changes;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "addClinician", summary = "Add a clinician to a center", description = "An admin, or a "
            + "coordinator of the center. Adds a clinician (PHYSICIAN, NURSE, COORDINATOR or COMMUNITY_PHYSICIAN) and answers "
            + "201 with its Location and the clinician, with its id. A community physician becomes known to the center, not a "
            + "member of its staff. 400 for invalid input; 404 when the center is unknown or not the caller's; 409 when the "
            + "clinician is already known to the center.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = ClinicianResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already known to the center", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> add(@PathParam("centerId") UUID centerId, @Valid @NotNull AddClinicianRequest request) {
        return service.add(centerId, request, caller).invoke(() -> changes.changed(centerId))
                .map(added -> Response.created(URI.create("/api/v1/centers/" + centerId + "/clinicians/" + added.id()))
                        .entity(added).build());
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.CLINICIAN })
    @Operation(operationId = "listClinicians", summary = "List a center's clinicians", description = "An admin, or a "
            + "coordinator or clinician of the center. Every clinician known to the center, in one page (nextCursor is always "
            + "null). 404 when the center is unknown or not the caller's.")
    @APIResponse(responseCode = "200", description = "The clinicians")
    public Uni<PageResponse<ClinicianResponse>> list(@PathParam("centerId") UUID centerId) {
        return service.list(centerId, caller).map(all -> new PageResponse<>(all, null));
    }

    @DELETE
    @Path("/{clinicianId}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "endMembership", summary = "End a clinician's membership of a center", description = "An "
            + "admin, or a coordinator of the center. From then on the clinician has no access to the center, its patients "
            + "or its alerts (other services within 10 seconds, including alerts they were paged for); the on-call schedule "
            + "skips their rotation turns and shifts, which leaves gaps until the rotation is changed; they leave the care "
            + "teams of the center's patients and hand-offs pending to them are withdrawn. Answers 204 with one Warning "
            + "header (code 299) per coverage gap the departure opens within the next 14 days, worded as when a rotation is "
            + "saved, and per other change to follow up; GET coverage-gaps gives the gaps themselves. 404 when the center or "
            + "the membership is unknown or not the caller's.")
    @APIResponse(responseCode = "204", description = "Ended; warnings in Warning headers")
    public Uni<Response> end(@PathParam("centerId") UUID centerId, @PathParam("clinicianId") UUID clinicianId) {
        return service.end(centerId, clinicianId, caller).invoke(() -> changes.changed(centerId)).map(warnings -> {
            Response.ResponseBuilder response = Response.noContent();
            for (String warning : warnings) {
                response.header("Warning", "299 care-team-service \"" + warning.replace('"', '\'') + "\"");
            }
            return response.build();
        });
    }

    @PATCH
    @Path("/{clinicianId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.CLINICIAN, Roles.COMMUNITY_PHYSICIAN })
    @Operation(operationId = "updateClinician", summary = "Edit a clinician's contact", description = "The clinician, or "
            + "an admin or coordinator of the center. Changes the fields given (name, email, phone; an empty phone removes it); "
            + "a clinician is one person across centers, so each center that knows them sees the change, and pages use it at "
            + "once. 400 for invalid input or nothing to change; 403 for staff who may not manage the center's clinicians; 404 "
            + "when the center or the clinician is unknown or not the caller's.")
    @APIResponse(responseCode = "200", description = "The clinician as now known", content = @Content(schema = @Schema(implementation = ClinicianResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ClinicianResponse> update(@PathParam("centerId") UUID centerId, @PathParam("clinicianId") UUID clinicianId,
            @Valid @NotNull UpdateClinicianRequest request) {
        return service.update(centerId, clinicianId, request, caller).call(updated -> service.centersOf(clinicianId)
                .invoke(centers -> centers.forEach(changes::changed)));
    }
}
