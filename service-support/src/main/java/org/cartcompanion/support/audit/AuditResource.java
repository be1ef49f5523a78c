package org.cartcompanion.support.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cartcompanion.support.paging.PageResponse;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** {@code GET /api/v1/audit-events}: a patient's audit trail in this service, as JSON pages or CSV. */
@Path("/api/v1/audit-events")
@Tag(name = "Audit")
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The role may not call this endpoint, or the caller is staff of the center but not its coordinator", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown patient, or not of the caller's center", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AuditResource {

    static final String CSV = "text/csv";
    /** The widest window one request may ask for. */
    static final Duration MAX_WINDOW = Duration.ofDays(366);
    static final int MAX_CSV_ROWS = 5000;

    private final AuditEvents events;
    private final AuditAccess access;
    private final Caller caller;
    private final Clock clock;

    public AuditResource(AuditEvents events, AuditAccess access, Caller caller, Clock clock) {
        this.events = events;
        this.access = access;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "listAuditEvents", summary = "A patient's audit trail in this service", description = "An "
            + "admin, or a coordinator of the patient's center. Who (the token's subject and roles), what (operation, method, "
            + "path), when and with what outcome (the status; ALLOWED, REFUSED or FAILED) for every read and write of the "
            + "patient's data in this service, oldest first. from/to: ISO-8601 instants (default the last 30 days; at most 366 "
            + "days). JSON pages with a cursor (limit 1-100, default 20), or text/csv with Accept: text/csv (up to 5000 rows, "
            + "the next page's cursor in X-Next-Cursor). 400 for a missing patientId or a bad window; 404 when the patient "
            + "is not of the caller's center.")
    @APIResponse(responseCode = "200", description = "The events", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON), @Content(mediaType = CSV) })
    @APIResponse(responseCode = "400", description = "Missing patientId or a bad window", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> list(@QueryParam("patientId") String patientId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        UUID patient = patientId(patientId);
        Instant end = instant("to", to, clock.instant());
        Instant start = instant("from", from, end.minus(Duration.ofDays(30)));
        if (!end.isAfter(start)) {
            throw ProblemException.badRequest("to must be after from.");
        }
        if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw ProblemException.badRequest("The window may span at most 366 days.");
        }
        boolean csv = accept != null && accept.contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON);
        int size = csv ? csvLimit(limit) : org.cartcompanion.support.paging.Cursor.limit(limit);
        return access.mayRead(patient, caller).flatMap(ok -> events.page(patient, start, end, cursor, size))
                .map(page -> csv ? csv(page) : Response.ok(page, MediaType.APPLICATION_JSON_TYPE).build());
    }

    private static Response csv(PageResponse<AuditEvent> page) {
        Response.ResponseBuilder ok = Response.ok(AuditEvents.csv(page.items()), CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"audit-events.csv\"");
        if (page.nextCursor() != null) {
            ok.header("X-Next-Cursor", page.nextCursor());
        }
        return ok.build();
    }

    private static int csvLimit(Integer limit) {
        if (limit == null) {
            return MAX_CSV_ROWS;
        }
        if (limit < 1 || limit > MAX_CSV_ROWS) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_CSV_ROWS + " for CSV.");
        }
        return limit;
    }

    private static UUID patientId(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("patientId is required.");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("patientId must be a UUID.");
        }
    }

    private static Instant instant(String name, String value, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be an ISO-8601 instant with offset, e.g. 2026-12-01T00:00:00Z.");
        }
    }
}
