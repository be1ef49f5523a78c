package org.cartcompanion.patient.app.rest;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cartcompanion.patient.app.service.AppAlerts;
import org.cartcompanion.patient.push.service.WebPushService;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.BrowserSignIn;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;
import org.cartcompanion.support.web.WebPages;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * The patient's and caregiver's web app: one page at {@code /app} (its screens are in the URL's fragment, so an invitation
 * link's code never reaches a server) and its files. It signs in like the console and calls this service's API with the user's
 * own token. Installable (a web app manifest and icons) and usable without signal (a service worker keeps the page; the page
 * keeps the check-in form and the check-ins waiting to be sent).
 */
@Path("/app")
@Tag(name = "App")
public class AppResource {

    private static final Map<String, String> ASSETS = Map.of("app.js", "app/app.js", "app.css", "app/app.css", "sign-in.js",
            "web/sign-in.js", "page.js", "web/page.js", "manifest.webmanifest", "app/manifest.webmanifest", "icon-192.png",
            "app/icon-192.png", "icon-512.png", "app/icon-512.png", "icon.svg", "app/icon.svg");

    private final BrowserSignIn signIn;
    private final AppAlerts alerts;
    private final WebPushService push;
    private final Caller caller;

    public AppResource(BrowserSignIn signIn, AppAlerts alerts, WebPushService push, Caller caller) {
        this.signIn = signIn;
        this.alerts = alerts;
        this.push = push;
        this.caller = caller;
    }

    @GET
    @Path("/push")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "appPushSettings", summary = "Whether the app offers reminders by web push", description = "Anyone; "
            + "no login. { enabled, publicKey }: the VAPID public key the browser subscribes with (null when web push is "
            + "off, patient.web-push.enabled).")
    @APIResponse(responseCode = "200", description = "The settings", content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    public WebPushService.Settings pushSettings() {
        return push.settings();
    }

    @GET
    @Path("/api/alerts")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PATIENT, Roles.CAREGIVER })
    @Operation(operationId = "appListAlerts", summary = "A patient's recent alerts, for the app", description = "The "
            + "patient or a linked caregiver. The patient's five newest alerts as alert-service's patient view gives them "
            + "(status, who acknowledged and when, the message for the patient), read with the caller's own token, as "
            + "{ items, nextCursor }: the app's page may only reach its own service. 400 without a valid patientId; "
            + "alert-service's refusals come through with their status (404 when the patient is not the caller's); 503 when "
            + "alert-service cannot be reached.")
    @APIResponse(responseCode = "200", description = "Alerts, newest first", content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "patientId missing or not a UUID", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The role may not call this endpoint", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown patient, or not the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "alert-service cannot be reached", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<JsonNode> alerts(@QueryParam("patientId") String patientId) {
        UUID id;
        try {
            id = UUID.fromString(patientId == null ? "" : patientId);
        } catch (IllegalArgumentException notAUuid) {
            return Uni.createFrom().failure(ProblemException.badRequest("patientId must be a patient's id."));
        }
        return alerts.recent("Bearer " + caller.rawToken(), id);
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "appPage", summary = "Open the patient app", description = "Anyone; no login. The app's one "
            + "HTML page: the patient or caregiver signs in there through the hospital's identity provider (authorization code "
            + "with PKCE), or with a pasted token when none is configured; joins with an invitation's code; checks in.")
    public Uni<Response> page() {
        return signIn.page("app/index.html");
    }

    @GET
    @Path("/sign-in")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "appSignIn", summary = "How the app signs in", description = "Anyone; no login. "
            + "{ mode: \"token\" } when no identity provider is configured; otherwise { mode: \"identity-provider\", issuer, "
            + "authorizationEndpoint, tokenEndpoint, endSessionEndpoint, clientId, scope } from the provider's discovery "
            + "document and cart.sign-in.*; 503 when the provider cannot be reached.")
    @APIResponse(responseCode = "200", description = "The sign-in settings", content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "503", description = "The identity provider cannot be reached", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> signIn() {
        return signIn.settings();
    }

    @GET
    @Path("/sw.js")
    @PermitAll
    @Operation(hidden = true)
    public Response serviceWorker() {
        // Served from /app/ so that it may keep the app's page and files for use without signal (its scope is /app/).
        return WebPages.asset("app/sw.js");
    }

    @GET
    @Path("/assets/{file}")
    @PermitAll
    @Operation(hidden = true)
    public Response asset(@PathParam("file") String file) {
        return WebPages.asset(ASSETS.get(file));
    }
}
