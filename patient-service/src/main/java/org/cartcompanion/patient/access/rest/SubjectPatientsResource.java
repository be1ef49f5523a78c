package org.cartcompanion.patient.access.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cartcompanion.patient.access.service.SubjectPatientsService;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.security.CallableBy;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** For alert-service: which patients' alert status a patient or caregiver subject may read. */
@Path("/internal/v1/subjects/{subject}/patients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class SubjectPatientsResource {

    /** A subject and the patients it may read (empty when it is nobody's patient or caregiver). */
    public record SubjectPatients(String subject, List<UUID> patientIds) {
    }

    private final SubjectPatientsService service;

    public SubjectPatientsResource(SubjectPatientsService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.SERVICE)
    @CallableBy({ "alert-service" })
    @Operation(operationId = "listSubjectPatients", summary = "List the patients a subject may read", description = "The "
            + "service role only (alert-service). For a subject, the patient it is and the patients linked to it as a "
            + "caregiver; empty when it is nobody's patient or caregiver.")
    @APIResponse(responseCode = "200", description = "The patients", content = @Content(schema = @Schema(implementation = SubjectPatients.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the service role", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SubjectPatients> patients(@PathParam("subject") String subject) {
        return service.patientsOf(subject).map(ids -> new SubjectPatients(subject, ids));
    }
}
