package org.cartcompanion.patient.checkin.rest;

import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cartcompanion.patient.checkin.service.CheckInFormService;
import org.cartcompanion.patient.patient.Language;
import org.cartcompanion.patient.patient.Languages;
import org.cartcompanion.patient.triage.CheckInForm;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/patients/{id}/check-in-form")
@Tag(name = "Check-ins")
@RolesAllowed({ Roles.PATIENT, Roles.CAREGIVER, Roles.CLINICIAN, Roles.COORDINATOR })
@APIResponse(responseCode = "400", description = "lang is neither en nor es", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The role may not call this endpoint", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CheckInFormResource {

    // Both representations are one operation in the document (same path and method), so they share its texts.
    private static final String SUMMARY = "The check-in form for a patient today";
    private static final String DESCRIPTION = "The patient, a linked caregiver, or a clinician or coordinator of the patient's "
            + "center. The questions to ask this patient today, from the rule table: every symptom code, the temperature (°C "
            + "or °F) and fever-medicine questions and the symptoms that alone reach the center at once or 911 first "
            + "(redFlag), vital signs for patients with devices, the home ICE-style check where the phase asks for a neuro "
            + "check (P0–P3). Labels and help in lang (en or es; else Accept-Language, else the patient's language). "
            + "offline holds the same rule table worked out for this patient: when every condition of a rule holds for the "
            + "answers, they mean at least its result (the highest wins); an emergency the answers reach is always among them. "
            + "Accept: application/fhir+json gives a FHIR R4 Questionnaire. 400 for another lang; 403 for a community "
            + "physician; 404 when the patient is unknown or not visible to the caller.";

    private final CheckInFormService service;
    private final Caller caller;
    private final ObjectMapper json;

    public CheckInFormResource(CheckInFormService service, Caller caller, ObjectMapper json) {
        this.service = service;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCheckInForm", summary = SUMMARY, description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The form", content = @Content(schema = @Schema(implementation = CheckInFormResponse.class)))
    public Uni<CheckInFormResponse> form(@PathParam("id") UUID patientId,
            @Parameter(description = "en or es", schema = @Schema(enumeration = { "en",
                    "es" })) @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return read(patientId, lang, acceptLanguage).map(CheckInFormResponse::of);
    }

    @GET
    @Produces(FhirQuestionnaire.MEDIA_TYPE)
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The form as a FHIR R4 Questionnaire", content = @Content(mediaType = FhirQuestionnaire.MEDIA_TYPE))
    public Uni<Response> questionnaire(@PathParam("id") UUID patientId, @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return read(patientId, lang, acceptLanguage)
                .map(form -> Response.ok(FhirQuestionnaire.of(form, json)).type(FhirQuestionnaire.MEDIA_TYPE).build());
    }

    private Uni<CheckInForm.Form> read(UUID patientId, String lang, String acceptLanguage) {
        Optional<Language> language;
        if (lang != null) {
            try {
                language = Optional.of(Language.fromCode(lang));
            } catch (IllegalArgumentException unknown) {
                return Uni.createFrom().failure(ProblemException.badRequest("lang must be en or es."));
            }
        } else {
            language = Optional.ofNullable(acceptLanguage).map(h -> Languages.fromAcceptLanguage(h, null));
        }
        return service.form(patientId, caller, language);
    }
}
