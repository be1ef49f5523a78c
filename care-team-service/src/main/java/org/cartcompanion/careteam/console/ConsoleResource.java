package org.cartcompanion.careteam.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;
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

    /** Scripts and styles come only from this service; nothing inline, nothing from elsewhere. */
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    private static final Map<String, String> ASSETS = Map.of("app.js", "text/javascript; charset=utf-8", "app.css",
            "text/css; charset=utf-8");
    private static final Map<String, String> LOADED = new ConcurrentHashMap<>();

    private final ConsoleService service;
    private final Caller caller;

    public ConsoleResource(ConsoleService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "consolePage", summary = "Open the console", description = "Anyone; no login. The on-call "
            + "console's one HTML page: the clinician signs in there with a token, which the tab keeps in its session storage "
            + "only.")
    public Response page() {
        return html();
    }

    @GET
    @Path("/{view: (alerts|handoffs|care-teams)(/.*)?}")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "consoleView", summary = "Open the console at an item", description = "Anyone; no login. The "
            + "same page, opened at an alert, a hand-off or a care team: the links in mail point here.")
    public Response view(@PathParam("view") String view) {
        return html();
    }

    @GET
    @Path("/assets/{file}")
    @PermitAll
    @Operation(hidden = true)
    public Response asset(@PathParam("file") String file) {
        String type = ASSETS.get(file);
        if (type == null) {
            return Response.status(404).build();
        }
        return Response.ok(load("console/" + file), type).header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff").build();
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

    private static Response html() {
        return Response.ok(load("console/index.html"), "text/html; charset=utf-8").header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-cache").build();
    }

    private static String load(String resource) {
        return LOADED.computeIfAbsent(resource, name -> {
            try (InputStream in = ConsoleResource.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException(name + " is missing from the build");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
