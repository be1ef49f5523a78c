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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    private final JsonWebToken jwt;

    public ConsoleResource(ConsoleService service, Caller caller, JsonWebToken jwt) {
        this.service = service;
        this.caller = caller;
        this.jwt = jwt;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The console page (sign in with a token there)")
    public Response page() {
        return html();
    }

    @GET
    @Path("/{view: (alerts|handoffs|care-teams)(/.*)?}")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The console page, opened at an alert, a hand-off or a care team (links in mail)")
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
    @Operation(summary = "The caller's open alerts, most urgent first, with patient names (from alert- and patient-service)")
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "alert-service cannot be reached", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<JsonNode> alerts() {
        return service.openAlerts(bearer());
    }

    @GET
    @Path("/api/alerts/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN, Roles.COMMUNITY_PHYSICIAN })
    @Operation(summary = "One alert with its timeline, the patient and their recent check-ins")
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<JsonNode> alert(@PathParam("id") String id) {
        return service.alert(bearer(), id);
    }

    @POST
    @Path("/api/alerts/{id}/acknowledge")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN, Roles.COMMUNITY_PHYSICIAN })
    @Operation(summary = "Acknowledge an alert (through alert-service, as the caller)")
    public Uni<JsonNode> acknowledge(@PathParam("id") String id) {
        return service.acknowledge(bearer(), id);
    }

    @POST
    @Path("/api/alerts/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN, Roles.COMMUNITY_PHYSICIAN })
    @Operation(summary = "Resolve an alert with an outcome (through alert-service, as the caller)")
    public Uni<JsonNode> resolve(@PathParam("id") String id, JsonNode body) {
        return service.resolve(bearer(), id, body);
    }

    @GET
    @Path("/api/on-call")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN })
    @Operation(summary = "Today's on-call of the caller's centers, and who holds each tier now")
    public Uni<JsonNode> onCall() {
        return service.onCallToday(caller);
    }

    private String bearer() {
        return "Bearer " + jwt.getRawToken();
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
