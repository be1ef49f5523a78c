package org.cartcompanion.patient.push.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.cartcompanion.patient.push.service.WebPushService;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/me/push-subscriptions")
@Tag(name = "Reminders")
@RolesAllowed({ Roles.PATIENT, Roles.CAREGIVER })
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The role may not call this endpoint", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PushSubscriptionResource {

    private final WebPushService service;
    private final Caller caller;

    public PushSubscriptionResource(WebPushService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "subscribeToReminders", summary = "Get check-in reminders on this browser", description = "The "
            + "patient or a caregiver, from the app: the browser's push subscription (PushSubscription.toJSON()). Overdue "
            + "check-ins of the patient, or of the patients the caregiver is linked to, are then also pushed to it (web push, "
            + "RFC 8030/8291/8292; no name or clinical detail in the message). The same endpoint again updates it. 204; 400 "
            + "for an endpoint that is not https or keys a browser would not give; 404 when web push is not enabled here "
            + "(patient.web-push.enabled).")
    @APIResponse(responseCode = "204", description = "Subscribed")
    @APIResponse(responseCode = "400", description = "Not a browser's subscription", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Web push is not enabled", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Void> subscribe(@Valid @NotNull PushSubscriptionRequest request) {
        return service.subscribe(caller, request.endpoint(), request.keys().p256dh(), request.keys().auth());
    }

    @DELETE
    @Operation(operationId = "unsubscribeFromReminders", summary = "Stop reminders on this browser", description = "The "
            + "patient or a caregiver: the caller's subscription with this endpoint is removed (another user's is left "
            + "alone). 204, whether or not there was one.")
    @APIResponse(responseCode = "204", description = "No longer subscribed")
    public Uni<Void> unsubscribe(@QueryParam("endpoint") String endpoint) {
        return service.unsubscribe(caller, endpoint);
    }
}
