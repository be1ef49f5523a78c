package org.cartcompanion.alert.alert.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.cartcompanion.alert.alert.Status;
import org.cartcompanion.alert.alert.service.AlertService;
import org.cartcompanion.support.paging.Cursor;
import org.cartcompanion.support.paging.PageResponse;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AlertResource {

    private final AlertService service;
    private final Caller caller;

    public AlertResource(AlertService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.CAREGIVER, Roles.CLINICIAN, Roles.COORDINATOR, Roles.COMMUNITY_PHYSICIAN })
    @Operation(operationId = "listAlerts", summary = "List alerts", description = "Patients, caregivers, clinicians, "
            + "coordinators and community physicians. Newest first, optionally filtered by patientId, centerId and status "
            + "(TRIGGERED, ACKNOWLEDGED, RESOLVED, EXHAUSTED). Clinicians and coordinators see their centers' alerts and "
            + "those routed to them; a community physician the alerts routed to them and, with patientId, those of a patient "
            + "whose care team names them; a patient or caregiver only the status of their own or their linked patients' "
            + "alerts. At most limit per page; pass nextCursor as cursor for the next page. 400 for a bad filter, cursor or "
            + "limit (1–100); 404 for a patient or center the caller may not see.")
    @APIResponse(responseCode = "200", description = "A page of alerts", content = @Content(schema = @Schema(implementation = AlertPage.class)))
    @APIResponse(responseCode = "400", description = "Bad filter, cursor or limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "A patient or center the caller may not see", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageResponse<AlertResponse>> list(@QueryParam("patientId") String patientId,
            @QueryParam("centerId") String centerId, @QueryParam("status") String status,
            @Parameter(description = "The previous page's nextCursor") @QueryParam("cursor") String cursor,
            @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100") @QueryParam("limit") String limit) {
        int size = Cursor.limit(parseLimit(limit));
        Cursor after = Cursor.decode(cursor);
        return service.list(caller, uuid("patientId", patientId), uuid("centerId", centerId), status(status),
                after == null ? null : after.createdAt(), after == null ? null : after.id(), size + 1)
                .map(views -> {
                    List<AlertService.View> page = views.size() > size ? views.subList(0, size) : views;
                    String next = views.size() > size
                            ? new Cursor(page.get(size - 1).alert().openedAt, page.get(size - 1).alert().id).encode()
                            : null;
                    return new PageResponse<>(page.stream().map(AlertResponse::of).toList(), next);
                });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PATIENT, Roles.CAREGIVER, Roles.CLINICIAN, Roles.COORDINATOR, Roles.COMMUNITY_PHYSICIAN })
    @Operation(operationId = "getAlert", summary = "Read an alert", description = "The same callers as the list. Staff, and a "
            + "community physician the alert was routed to or whose care team names the patient, get the alert with its "
            + "timeline and deliveries; the patient or a linked caregiver its status and the message the phone shows. 404 "
            + "when the alert is unknown or not the caller's.")
    @APIResponse(responseCode = "200", description = "The alert", content = @Content(schema = @Schema(implementation = AlertResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AlertResponse> get(@PathParam("id") String id) {
        return service.get(alertId(id), caller).map(AlertResponse::of);
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed({ Roles.CLINICIAN, Roles.COORDINATOR, Roles.COMMUNITY_PHYSICIAN })
    @Operation(operationId = "acknowledgeAlert", summary = "Acknowledge an alert", description = "A clinician or coordinator "
            + "of the alert's center, a clinician it was routed to, or a community physician it was routed to or whose care "
            + "team names the patient. The escalation stops; acknowledging again answers the alert unchanged. 404 when the "
            + "alert is unknown or not the caller's; 409 when it is already resolved.")
    @APIResponse(responseCode = "200", description = "Acknowledged (or already acknowledged)", content = @Content(schema = @Schema(implementation = AlertResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already resolved", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AlertResponse> acknowledge(@PathParam("id") String id) {
        return service.acknowledge(alertId(id), caller).map(AlertResponse::of);
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CLINICIAN, Roles.COORDINATOR, Roles.COMMUNITY_PHYSICIAN })
    @Operation(operationId = "resolveAlert", summary = "Resolve an alert", description = "The same callers as acknowledge. "
            + "Resolves the alert with a coded outcome (ADVISED_SELF_CARE, PHONE_FOLLOW_UP, COME_TO_CENTER, DIRECT_ADMISSION, "
            + "SENT_TO_ED, COMMUNITY_VISIT, FALSE_ALARM) and an optional note, which stops any escalation and closes the "
            + "patient's episode. 400 for a missing body, a missing or unknown outcome or a note over 2000 characters; 404 "
            + "when the alert is unknown or not the caller's; 409 when it is already resolved.")
    @APIResponse(responseCode = "200", description = "Resolved", content = @Content(schema = @Schema(implementation = AlertResponse.class)))
    @APIResponse(responseCode = "400", description = "Missing or unknown outcome, note over 2000 characters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already resolved", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AlertResponse> resolve(@PathParam("id") String id, ResolveRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("A body with an outcome is required.");
        }
        return service.resolve(alertId(id), request.outcome(), request.note(), caller).map(AlertResponse::of);
    }

    /** The schema of a page of alerts, for the OpenAPI document. */
    public record AlertPage(@Schema(required = true) List<AlertResponse> items,
            @Schema(required = true, nullable = true, description = "Null on the last page") String nextCursor) {
    }

    private static UUID alertId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Alert");
        }
    }

    private static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name + " is not a UUID.");
        }
    }

    private static Status status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Status.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status must be one of TRIGGERED, ACKNOWLEDGED, RESOLVED, EXHAUSTED.");
        }
    }

    private static Integer parseLimit(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("limit must be a number.");
        }
    }
}
