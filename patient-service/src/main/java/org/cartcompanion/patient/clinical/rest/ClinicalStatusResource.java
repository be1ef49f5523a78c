package org.cartcompanion.patient.clinical.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cartcompanion.patient.clinical.service.ClinicalStatusService;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/patients/{id}/clinical-status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clinical status")
@RolesAllowed({ Roles.CLINICIAN, Roles.COORDINATOR })
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The role may not call this endpoint", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown patient, or not the caller's center's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ClinicalStatusResource {

    private final ClinicalStatusService service;
    private final Caller caller;

    public ClinicalStatusResource(ClinicalStatusService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceClinicalStatus", summary = "Replace a patient's clinical status", description = "A "
            + "clinician or coordinator of the patient's center. Replaces the whole status that triage reads (blood counts "
            + "and their dates, IgG, recent steroids and tocilizumab, CRS/ICANS grades, IEC-HS, ICAHT, prophylaxis, line, "
            + "caregiver, frailty, baseline ICE, SpO2 and systolic BP, travel time); an absent field is unknown, and unknown "
            + "ANC early after infusion counts as neutropenic. A new ANC, platelet, IgG or CD4 value or date is also kept in "
            + "the patient's lab history (GET .../labs). 400 for invalid input (out of range, a date after the patient's "
            + "today); 404 when the patient is unknown or not of the caller's center.")
    @APIResponse(responseCode = "200", description = "The stored status", content = @Content(schema = @Schema(implementation = ClinicalStatusBody.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ClinicalStatusBody> put(@PathParam("id") UUID patientId, @Valid @NotNull ClinicalStatusBody body) {
        return service.put(patientId, body, caller).map(record -> ClinicalStatusService.toBody(patientId, record));
    }

    @GET
    @Operation(operationId = "getClinicalStatus", summary = "Read a patient's clinical status", description = "A clinician or "
            + "coordinator of the patient's center. Every field is null when none was recorded. 404 when the patient is "
            + "unknown or not of the caller's center.")
    @APIResponse(responseCode = "200", description = "The status; every field null when none was recorded", content = @Content(schema = @Schema(implementation = ClinicalStatusBody.class)))
    public Uni<ClinicalStatusBody> get(@PathParam("id") UUID patientId) {
        return service.get(patientId, caller).map(record -> ClinicalStatusService.toBody(patientId, record));
    }
}
