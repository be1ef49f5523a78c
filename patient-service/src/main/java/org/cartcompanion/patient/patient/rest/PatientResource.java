package org.cartcompanion.patient.patient.rest;

import java.net.URI;
import java.time.Clock;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cartcompanion.patient.erasure.ErasureService;
import org.cartcompanion.patient.patient.service.PatientService;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/patients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patients")
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The role may not call this endpoint", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PatientResource {

    private final PatientService service;
    private final Caller caller;
    private final Clock clock;
    private final ErasureService erasure;

    public PatientResource(PatientService service, Caller caller, Clock clock, ErasureService erasure) {
        this.erasure = erasure;
        this.service = service;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN })
    @Operation(operationId = "enrollPatient", summary = "Enroll a patient", description = "A coordinator or clinician of the "
            + "patient's center. Creates the patient and answers 201 with its Location and the patient, with id, "
            + "dayPostInfusion and phase. The subject (the patient's account at the identity provider) may be left out: the "
            + "patient then joins by accepting an invitation (POST /api/v1/patients/{id}/invitations). 400 for invalid input, "
            + "404 when centerId is not a center of the caller's, 409 when a patient with this subject is already enrolled.")
    @APIResponse(responseCode = "201", description = "Enrolled", content = @Content(schema = @Schema(implementation = PatientResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The center is not one of the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A patient with this subject is already enrolled", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> enroll(@Valid @NotNull EnrollPatientRequest request) {
        return service.enroll(request, caller)
                .map(patient -> Response.created(URI.create("/api/v1/patients/" + patient.id))
                        .entity(PatientResponse.of(patient, clock.instant())).build());
    }

    @PUT
    @Path("/{id}/second-dose")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN })
    @Operation(operationId = "recordSecondDose", summary = "Record an obe-cel second dose", description = "A coordinator or "
            + "clinician of the patient's center. Records (or corrects) the date of the second dose of a split-dose product "
            + "(obe-cel): the acute phase then lasts to 14 days after it, instead of the day-26 assumption, and the daily "
            + "reminder to the center's coordinators stops. Answers the patient. 400 for a missing date, one before the first "
            + "dose or after the patient's today; 404 when the patient is unknown or not of the caller's center; 409 when the "
            + "patient's product is not given in two doses.")
    @APIResponse(responseCode = "200", description = "The patient, with the new phase", content = @Content(schema = @Schema(implementation = PatientResponse.class)))
    @APIResponse(responseCode = "400", description = "Missing date, before the first dose or in the future", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not of the caller's center", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a split-dose product", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PatientResponse> recordSecondDose(@PathParam("id") UUID id, @Valid @NotNull SecondDoseRequest request) {
        return service.recordSecondDose(id, request.date(), caller)
                .map(patient -> PatientResponse.of(patient, clock.instant()));
    }

    @PUT
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "setPatientStatus", summary = "Set a patient's status", description = "A coordinator of the "
            + "patient's center. ACTIVE, DISCHARGED, WITHDRAWN or DECEASED, with an optional reason (at most 500 characters). "
            + "Only ACTIVE patients are reminded to check in and alerted about when they miss one; a check-in from any patient "
            + "is still triaged and paged. A DECEASED patient's record closes to the patient and caregivers (404 for them on "
            + "every service within 10 seconds) and nothing more is sent to them. Answers the patient. 400 for an unknown "
            + "status; 403 for other staff of the center; 404 when the patient is unknown or not the caller's.")
    @APIResponse(responseCode = "200", description = "The patient, with the status", content = @Content(schema = @Schema(implementation = PatientResponse.class)))
    @APIResponse(responseCode = "400", description = "Unknown status or too long a reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the center's coordinator", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not of the caller's center", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PatientResponse> setStatus(@PathParam("id") UUID id, @Valid @NotNull StatusRequest request) {
        return service.setStatus(id, request.status(), request.reason(), caller)
                .map(patient -> PatientResponse.of(patient, clock.instant()));
    }

    @POST
    @Path("/{id}/erasure")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "erasePatient", summary = "Erase a withdrawn patient's identifying data", description = "A "
            + "coordinator of the patient's center, for a WITHDRAWN patient who asked. Erases the name, the identity-provider "
            + "subject (the patient can no longer sign in to the record), record number, phone and email, the caregivers' "
            + "links, check-in notes and who reported them, delivered outbox payloads, and alert-service's copy of the phone. "
            + "Keeps, under the patient's id alone, what registry reporting needs: center, birth year, product, disease, dates, "
            + "infection records, labs, check-in values and the audit trail. Repeating it changes nothing more. Answers the "
            + "patient as now stored. 403 for other staff; 404 when the patient is unknown or not the caller's; 409 unless "
            + "WITHDRAWN; 503 when alert-service cannot be reached (nothing erased).")
    @APIResponse(responseCode = "200", description = "Erased", content = @Content(schema = @Schema(implementation = PatientResponse.class)))
    @APIResponse(responseCode = "403", description = "Not the center's coordinator", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not of the caller's center", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The patient is not WITHDRAWN", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "alert-service unreachable; nothing erased", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PatientResponse> erase(@PathParam("id") UUID id) {
        return erasure.erase(id, caller).map(patient -> PatientResponse.of(patient, clock.instant()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PATIENT, Roles.CAREGIVER, Roles.CLINICIAN, Roles.COORDINATOR, Roles.COMMUNITY_PHYSICIAN })
    @Operation(operationId = "getPatient", summary = "Read a patient", description = "The patient, a linked caregiver, a "
            + "clinician or coordinator of the patient's center, or a community physician on the patient's care team. The "
            + "same shape as the enrollment answer, with an ETag. 404 when the patient is unknown or the caller may not see "
            + "them (existence is not revealed).")
    @APIResponse(responseCode = "200", description = "The patient", content = @Content(schema = @Schema(implementation = PatientResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.visible(id, caller).map(patient -> {
            PatientResponse body = PatientResponse.of(patient, clock.instant());
            // The day number is part of the representation, so it is part of the tag.
            return Response.ok(body).tag(new EntityTag(patient.version + "." + body.dayPostInfusion())).build();
        });
    }
}
