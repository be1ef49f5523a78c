package org.cartcompanion.patient.patient.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cartcompanion.patient.patient.service.PatientService;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.security.CallableBy;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** For care-team-service: a patient's center, treatment dates and the clinical facts a hand-off summary carries. */
@Path("/internal/v1/patients/{patientId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class InternalPatientResource {

    private final PatientService service;

    public InternalPatientResource(PatientService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.SERVICE)
    @CallableBy({ "care-team-service" })
    @Operation(operationId = "getInternalPatient", summary = "Read a patient for another service", description = "The service "
            + "role only (care-team-service). The patient's center, treatment dates, phase and the clinical facts a hand-off "
            + "summary carries. 404 when the patient is unknown.")
    @APIResponse(responseCode = "200", description = "The patient", content = @Content(schema = @Schema(implementation = InternalPatientResponse.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the service role", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown patient", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<InternalPatientResponse> patient(@PathParam("patientId") UUID patientId) {
        return service.forService(patientId);
    }

    @GET
    @Path("/phones")
    @RolesAllowed(Roles.SERVICE)
    @CallableBy({ "alert-service" })
    @Operation(operationId = "getPatientPhones", summary = "Where to text a patient about their alert", description = "The "
            + "service role only (alert-service). The patient's phone and their linked caregivers' (each once; a caregiver "
            + "whose link was removed is not listed) and the patient's language, for the SMS that tells them their alert was "
            + "acknowledged or that nobody answered. No names. 404 when the patient is unknown.")
    @APIResponse(responseCode = "200", description = "The phones", content = @Content(schema = @Schema(implementation = PatientPhonesResponse.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not alert-service", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown patient", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PatientPhonesResponse> phones(@PathParam("patientId") UUID patientId) {
        return service.phones(patientId);
    }
}
