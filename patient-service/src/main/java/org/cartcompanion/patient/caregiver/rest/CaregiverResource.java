package org.cartcompanion.patient.caregiver.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cartcompanion.patient.caregiver.service.CaregiverService;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/patients/{id}/caregivers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Caregivers")
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The role may not call this endpoint", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CaregiverResource {

    private final CaregiverService service;
    private final Caller caller;

    public CaregiverResource(CaregiverService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN, Roles.PATIENT })
    @Operation(operationId = "linkCaregiver", summary = "Link a caregiver", description = "The patient themself, or a "
            + "clinician or coordinator of the patient's center. Links the caregiver's subject to the patient, so the "
            + "caregiver may check in and read for them; answers 201. 400 for invalid input, 403 when the caller may see the "
            + "patient but not link for them, 404 when the patient is unknown or not visible to the caller, 409 when the "
            + "caregiver is already linked.")
    @APIResponse(responseCode = "201", description = "Linked", content = @Content(schema = @Schema(implementation = CaregiverResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already linked", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> link(@PathParam("id") UUID patientId, @Valid @NotNull LinkCaregiverRequest request) {
        return service.link(patientId, request, caller)
                .map(link -> Response.created(URI.create("/api/v1/patients/" + patientId + "/caregivers/" + link.id))
                        .entity(CaregiverResponse.of(link)).build());
    }

    @DELETE
    @Path("/{subject}")
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN, Roles.PATIENT })
    @Operation(operationId = "unlinkCaregiver", summary = "Unlink a caregiver", description = "The patient themself, or a "
            + "clinician or coordinator of the patient's center. Ends the caregiver's access to the patient: from then on "
            + "(within 10 s across the services) that subject gets 404 for the patient, their check-ins and alerts, and no "
            + "more reminders. Answers 204. 403 when the caller may see the patient but not unlink for them, 404 when the "
            + "patient is unknown or not visible to the caller, or the subject is not linked.")
    @APIResponse(responseCode = "204", description = "Unlinked")
    @APIResponse(responseCode = "404", description = "Unknown patient or caregiver, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> unlink(@PathParam("id") UUID patientId, @PathParam("subject") String subject) {
        return service.unlink(patientId, subject, caller).map(v -> Response.noContent().build());
    }
}
