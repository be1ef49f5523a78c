package org.cartcompanion.patient.checkin.rest;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cartcompanion.patient.checkin.CheckInRecord;
import org.cartcompanion.patient.checkin.config.CheckInConfig;
import org.cartcompanion.patient.checkin.service.CheckInService;
import org.cartcompanion.patient.patient.Language;
import org.cartcompanion.patient.patient.Languages;
import org.cartcompanion.support.paging.Cursor;
import org.cartcompanion.support.paging.PageResponse;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;
import org.cartcompanion.support.web.Admission;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/patients/{id}/check-ins")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Check-ins")
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The role may not call this endpoint", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CheckInResource {

    private final CheckInService service;
    private final Caller caller;
    private final Admission admission;

    public CheckInResource(CheckInService service, Caller caller, CheckInConfig config, CurrentVertxRequest current,
            MeterRegistry registry) {
        this.service = service;
        this.caller = caller;
        this.admission = new Admission("check-in", config.maxInFlight(), current, registry);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PATIENT, Roles.CAREGIVER })
    @Operation(operationId = "submitCheckIn", summary = "Check in", description = "The patient, or a caregiver linked to the "
            + "patient. Stores the check-in, triages it at once and answers 201 with the disposition, the fired rules, the "
            + "instructions and the number to call; an alert is requested for every disposition above SELF_CARE. The "
            + "Idempotency-Key header is required (at most 64 characters): the same key and body answer the stored check-in "
            + "again (same status and ids), the same key with a different body 422, and 409 while a concurrent request with "
            + "the key failed (retry). 400 for a missing key, a value out of range, an unknown code, or a recordedAt more "
            + "than 5 minutes ahead or 7 days old; nothing is stored then. 404 when the patient is unknown or not the "
            + "caller's; 503 with Retry-After when the database cannot be reached, or when the service has as many check-ins "
            + "in progress as it takes at once (send it again after Retry-After with the same Idempotency-Key).")
    @APIResponse(responseCode = "201", description = "Stored and triaged (or the stored answer replayed)", content = @Content(schema = @Schema(implementation = CheckInResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input or missing Idempotency-Key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over 64 KiB", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not application/json", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database cannot be reached, or the service takes no more check-ins just now; send it again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> checkIn(@PathParam("id") UUID patientId,
            @Parameter(description = "A key unique to this check-in, at most 64 characters", required = true) @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Valid @NotNull CheckInRequest request) {
        Optional<Language> language = Optional.ofNullable(acceptLanguage).map(h -> Languages.fromAcceptLanguage(h, null));
        return admission.admit(() -> service.checkIn(patientId, idempotencyKey, request, caller, language))
                .map(outcome -> Response.created(location(patientId, outcome.checkIn()))
                        .entity(CheckInResponse.of(outcome.checkIn()))
                        .build());
    }

    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.CAREGIVER, Roles.CLINICIAN, Roles.COORDINATOR, Roles.COMMUNITY_PHYSICIAN })
    @Operation(operationId = "listCheckIns", summary = "List a patient's check-ins", description = "The patient, a linked "
            + "caregiver, a clinician or coordinator of the patient's center, or a community physician on the patient's care "
            + "team. Newest first, at most limit per page; pass nextCursor as cursor for the next page (null on the last). "
            + "400 for an invalid cursor or a limit outside 1–100; 404 when the patient is unknown or not visible to the "
            + "caller.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Invalid cursor or limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageResponse<CheckInResponse>> list(@PathParam("id") UUID patientId,
            @Parameter(description = "The previous page's nextCursor") @QueryParam("cursor") String cursor,
            @Schema(minimum = "1", maximum = "100", defaultValue = "20") @QueryParam("limit") Integer limit) {
        int size = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        return service
                .page(patientId, caller, after == null ? null : after.createdAt(), after == null ? null : after.id(), size)
                .map(rows -> PageResponse.of(rows, size, r -> new Cursor(r.recordedAt, r.id), CheckInResponse::of));
    }

    @GET
    @Path("/{checkInId}")
    @RolesAllowed({ Roles.PATIENT, Roles.CAREGIVER, Roles.CLINICIAN, Roles.COORDINATOR, Roles.COMMUNITY_PHYSICIAN })
    @Operation(operationId = "getCheckIn", summary = "Read a check-in", description = "The same callers as the list. One "
            + "check-in with its triage and what was reported, with an ETag. 404 when the patient or check-in is unknown or "
            + "not visible to the caller.")
    @APIResponse(responseCode = "200", description = "The check-in", content = @Content(schema = @Schema(implementation = CheckInResponse.class)))
    public Uni<Response> get(@PathParam("id") UUID patientId, @PathParam("checkInId") UUID checkInId) {
        return service.get(patientId, checkInId, caller)
                .map(found -> Response.ok(CheckInResponse.of(found)).tag(new EntityTag(found.id.toString())).build());
    }

    private static URI location(UUID patientId, CheckInRecord checkIn) {
        return URI.create("/api/v1/patients/" + patientId + "/check-ins/" + checkIn.id);
    }
}
