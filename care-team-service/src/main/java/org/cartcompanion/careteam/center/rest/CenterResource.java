package org.cartcompanion.careteam.center.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cartcompanion.careteam.center.Center;
import org.cartcompanion.careteam.center.service.CenterService;
import org.cartcompanion.careteam.client.DirectoryChanges;
import org.cartcompanion.support.paging.Cursor;
import org.cartcompanion.support.paging.PageResponse;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/centers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Centers")
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The role may not call this endpoint", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CenterResource {

    private final CenterService service;
    private final Caller caller;
    private final DirectoryChanges changes;

    public CenterResource(CenterService service, Caller caller, DirectoryChanges changes) {
        this.service = service;
        this.caller = caller;
        this.changes = changes;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createCenter", summary = "Create a center", description = "Admins only. Creates a center with "
            + "its name, time zone, phone and hotline email and answers 201 with its Location and the center, with its id. "
            + "400 for invalid input, such as an unknown time zone.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = CenterResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull CreateCenterRequest request) {
        return service.create(request, caller).invoke(center -> changes.changed(center.id)).map(center -> Response
                .created(URI.create("/api/v1/centers/" + center.id)).entity(CenterResponse.of(center)).build());
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.CLINICIAN, Roles.COMMUNITY_PHYSICIAN })
    @Operation(operationId = "listCenters", summary = "List centers", description = "Admins, coordinators, clinicians and "
            + "community physicians. The centers the caller belongs to (an admin: all), oldest first, at most limit per page; "
            + "pass nextCursor as cursor for the next page. 400 for an invalid cursor or a limit outside 1–100.")
    @APIResponse(responseCode = "200", description = "One page of centers")
    @APIResponse(responseCode = "400", description = "Invalid cursor or limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageResponse<CenterResponse>> list(
            @Parameter(description = "The previous page's nextCursor") @QueryParam("cursor") String cursor,
            @Schema(minimum = "1", maximum = "100", defaultValue = "20") @QueryParam("limit") Integer limit) {
        int size = Cursor.limit(limit);
        return service.page(caller, Cursor.decode(cursor), size).map(rows -> {
            List<Center> page = rows.size() > size ? rows.subList(0, size) : rows;
            String next = rows.size() > size ? new Cursor(page.get(size - 1).createdAt, page.get(size - 1).id).encode()
                    : null;
            return new PageResponse<>(page.stream().map(CenterResponse::of).toList(), next);
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.CLINICIAN, Roles.COMMUNITY_PHYSICIAN })
    @Operation(operationId = "getCenter", summary = "Read a center", description = "Admins (any center), and coordinators, "
            + "clinicians and community physicians of a center they belong to. Answers with an ETag. 404 when the center is "
            + "unknown or not the caller's.")
    @APIResponse(responseCode = "200", description = "The center", content = @Content(schema = @Schema(implementation = CenterResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.visible(id, caller).map(center -> Response.ok(CenterResponse.of(center))
                .tag(new EntityTag(Long.toString(center.version))).build());
    }

    @PUT
    @Path("/{id}/handoff-settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "saveHandoffSettings", summary = "Save a center's hand-off settings", description = "A "
            + "coordinator of the center. Sets the days after infusion at which hand-offs to shared and to community-led care "
            + "are proposed, and answers the center. 400 for invalid input; 404 when the center is unknown or not the "
            + "caller's; 422 when the community-led day is not after the shared-care day.")
    @APIResponse(responseCode = "200", description = "The center", content = @Content(schema = @Schema(implementation = CenterResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The community-led day is not after the shared-care day", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CenterResponse> handoffSettings(@PathParam("id") UUID id, @Valid @NotNull HandoffSettingsRequest request) {
        return service.handoffSettings(id, request, caller).map(CenterResponse::of);
    }
}
