package org.cartcompanion.careteam.center.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cartcompanion.careteam.center.service.WebhookService;
import org.cartcompanion.careteam.client.DirectoryChanges;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** Where a center's chat or paging system hears of every alert's life (API.md v1.1). */
@Path("/api/v1/centers/{id}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Centers")
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Staff of the center who are not its coordinator", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown center, or not the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class WebhookResource {

    private final WebhookService service;
    private final Caller caller;
    private final DirectoryChanges changes;

    public WebhookResource(WebhookService service, Caller caller, DirectoryChanges changes) {
        this.service = service;
        this.caller = caller;
        this.changes = changes;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "getWebhooks", summary = "Read a center's webhooks", description = "The center's coordinator "
            + "(or an admin). Each hook's id, url, events and format; never its secret.")
    @APIResponse(responseCode = "200", description = "The hooks", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookResponse.class)))
    public Uni<List<WebhookResponse>> get(@PathParam("id") UUID centerId) {
        return service.get(centerId, caller);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "putWebhooks", summary = "Set a center's webhooks", description = "The center's coordinator (or "
            + "an admin). Replaces the hooks: 0 to 10 of { url, events: [ALERT_OPENED, ALERT_ESCALATED, ALERT_ACKNOWLEDGED, "
            + "ALERT_RESOLVED, ALERT_EXHAUSTED], format: CLOUDEVENTS (default) | SLACK | TEAMS }. A hook whose url was saved "
            + "before keeps its secret (not shown again); a new one gets a signing secret, returned in this answer only. "
            + "alert-service posts each event as a CloudEvents 1.0 JSON (or a Slack or Teams message) with X-Signature: "
            + "sha256=<hex HMAC-SHA256 of the body keyed with the secret>, retried with backoff, each attempt on the alert's "
            + "timeline. 400 for a malformed list; 422 for a url that is not https (plain http only to localhost) or carries "
            + "credentials, an unknown event or format, or a url given twice.")
    @APIResponse(responseCode = "200", description = "The hooks as saved; new ones with their secret", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A hook that cannot be used", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<WebhookResponse>> put(@PathParam("id") UUID centerId,
            @Valid @NotNull @Size(max = 10) List<@Valid @NotNull WebhookRequest> hooks) {
        return service.replace(centerId, hooks, caller).invoke(saved -> changes.changed(centerId));
    }
}
