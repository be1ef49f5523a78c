package org.cartcompanion.careteam.console;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cartcompanion.support.problem.Problem;
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
 * The on-call web console: one page (any path below {@code /console}, so links in pages open where they point) and the small
 * API it reads. The page holds the clinician's token in the tab's session storage only.
 */
@Path("/console")
@Tag(name = "Console")
public class ConsoleResource {

    /** The page's files: its own, and the sign-in script every service's pages share. */
    private static final Map<String, String> ASSETS = Map.of("app.js", "console/app.js", "app.css", "console/app.css",
            "sign-in.js", "web/sign-in.js", "page.js", "web/page.js");

    private final ConsoleService service;
    private final Caller caller;
    private final BrowserSignIn signIn;

    public ConsoleResource(ConsoleService service, Caller caller, BrowserSignIn signIn) {
        this.service = service;
        this.caller = caller;
        this.signIn = signIn;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "consolePage", summary = "Open the console", description = "Anyone; no login. The on-call "
            + "console's one HTML page: the clinician signs in there through the hospital's identity provider (authorization "
            + "code with PKCE), or with a pasted token when none is configured; the tab keeps the tokens in its session "
            + "storage only.")
    public Uni<Response> page() {
        return html();
    }

    @GET
    @Path("/{view: (alerts|handoffs|care-teams|me)(/.*)?}")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "consoleView", summary = "Open the console at an item", description = "Anyone; no login. The "
            + "same page, opened at an alert, a hand-off or a care team: the links in mail point here.")
    public Uni<Response> view(@PathParam("view") String view) {
        return html();
    }

    @GET
    @Path("/sign-in")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "consoleSignIn", summary = "How the console signs in", description = "Anyone; no login. "
            + "{ mode: \"token\" } when no identity provider is configured (the console takes a pasted token); otherwise "
            + "{ mode: \"identity-provider\", issuer, authorizationEndpoint, tokenEndpoint, endSessionEndpoint, clientId, "
            + "scope } from the provider's discovery document and cart.sign-in.*; 503 when the provider cannot be reached.")
    @APIResponse(responseCode = "200", description = "The sign-in settings", content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "503", description = "The identity provider cannot be reached", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> signIn() {
        return signIn.settings();
    }

    @GET
    @Path("/assets/{file}")
    @PermitAll
    @Operation(hidden = true)
    public Response asset(@PathParam("file") String file) {
        return WebPages.asset(ASSETS.get(file));
    }

    @GET
    @Path("/api/me")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN, Roles.COMMUNITY_PHYSICIAN, Roles.ADMIN })
    @Operation(operationId = "consoleMe", summary = "Who is signed in", description = "Coordinators, clinicians, community "
            + "physicians and admins. { subject, name, roles }: the caller as this service reads their token (the role claim "
            + "the deployment configures), so the page shows what the caller may do whatever the identity provider; "
            + "clinicianId for the caller's own contact methods (null for one who is no center's clinician).")
    public Uni<Me> me() {
        return service.clinicianId(caller)
                .map(id -> new Me(caller.subject(), caller.displayName(), caller.roles().stream().sorted().toList(), id));
    }

    /** The signed-in caller, as the console shows them; {@code clinicianId} null for one who is no center's clinician. */
    public record Me(String subject, String name, List<String> roles, UUID clinicianId) {
    }

    @POST
    @Path("/api/test-page")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN, Roles.COMMUNITY_PHYSICIAN })
    @Operation(operationId = "consoleTestPage", summary = "Send yourself a test page", description = "Coordinators, "
            + "clinicians and community physicians. alert-service sends a test page to each of the caller's contact methods "
            + "at once (called with the caller's own token) and answers how each went; its refusals come through with their "
            + "status (404 no center's clinician, 429 one a minute); 503 when alert-service cannot be reached.")
    public Uni<JsonNode> testPage() {
        return service.testPage(bearer());
    }

    @GET
    @Path("/api/alerts")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN, Roles.COMMUNITY_PHYSICIAN })
    @Operation(operationId = "consoleListAlerts", summary = "List the caller's open alerts", description = "Coordinators, "
            + "clinicians and community physicians. The open alerts (TRIGGERED, ACKNOWLEDGED, EXHAUSTED) the caller may see, "
            + "most urgent first, each with the patient's name (patientName), read from alert-service and patient-service "
            + "with the caller's own token, as { items, nextCursor } with nextCursor always null. 401 without a valid token; "
            + "503 when alert-service cannot be reached.")
    @APIResponse(responseCode = "200", description = "Alerts", content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "alert-service cannot be reached", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<JsonNode> alerts() {
        return service.openAlerts(bearer());
    }

    @GET
    @Path("/api/alerts/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN, Roles.COMMUNITY_PHYSICIAN })
    @Operation(operationId = "consoleGetAlert", summary = "Read an alert with its patient", description = "Coordinators, "
            + "clinicians and community physicians. An object { alert, patient, checkIns }: the alert with its timeline, the "
            + "patient and their 20 most recent check-ins, read with the caller's own token; patient is null and checkIns "
            + "empty when patient-service does not give them. alert-service's refusals come through with their status (404 "
            + "when the alert is unknown or not the caller's); 503 when alert-service cannot be reached.")
    @APIResponse(responseCode = "200", description = "The view", content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "alert-service cannot be reached", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<JsonNode> alert(@PathParam("id") String id) {
        return service.alert(bearer(), id);
    }

    @POST
    @Path("/api/alerts/{id}/acknowledge")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN, Roles.COMMUNITY_PHYSICIAN })
    @Operation(operationId = "consoleAcknowledgeAlert", summary = "Acknowledge an alert", description = "Coordinators, "
            + "clinicians and community physicians. Acknowledges the alert through alert-service with the caller's own token "
            + "and answers the alert as alert-service does; its refusals come through with their status (404 unknown or not "
            + "the caller's, 409 already resolved); 503 when alert-service cannot be reached.")
    public Uni<JsonNode> acknowledge(@PathParam("id") String id) {
        return service.acknowledge(bearer(), id);
    }

    @POST
    @Path("/api/alerts/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN, Roles.COMMUNITY_PHYSICIAN })
    @Operation(operationId = "consoleResolveAlert", summary = "Resolve an alert", description = "Coordinators, clinicians and "
            + "community physicians. Resolves the alert through alert-service with the caller's own token, with "
            + "alert-service's body ({ outcome, note }), and answers the alert as alert-service does; its refusals come "
            + "through with their status (400, 404, 409); 503 when alert-service cannot be reached.")
    public Uni<JsonNode> resolve(@PathParam("id") String id, JsonNode body) {
        return service.resolve(bearer(), id, body);
    }

    @GET
    @Path("/api/on-call")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN })
    @Operation(operationId = "consoleOnCallToday", summary = "Read today's on-call", description = "Coordinators and "
            + "clinicians. For each center where the caller is staff, today's on-call turns (the center's local day) with who "
            + "holds each tier now, and the tiers nobody holds now.")
    public Uni<JsonNode> onCall() {
        return service.onCallToday(caller);
    }

    private String bearer() {
        return "Bearer " + caller.rawToken();
    }

    /** Scripts and styles come only from this service, nothing inline; fetches reach the identity provider's token endpoint. */
    private Uni<Response> html() {
        return signIn.page("console/index.html");
    }
}
