package org.cartcompanion.alert.directory.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cartcompanion.alert.directory.StoredDirectory;
import org.cartcompanion.alert.directory.service.DirectoryRefresher;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.CallableBy;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** care-team-service says a center's paging directory changed: it is fetched again at once. */
@Path("/internal/v1/center-directories")
@RolesAllowed(Roles.SERVICE)
@CallableBy({ "care-team-service" })
@Tag(name = "Internal")
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not the service role", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DirectoryRefreshResource {

    private final DirectoryRefresher refresher;

    public DirectoryRefreshResource(DirectoryRefresher refresher) {
        this.refresher = refresher;
    }

    @GET
    @Path("/{centerId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getStoredCenterDirectory", summary = "Read a center's stored paging directory", description = "The "
            + "service role only (operators' tools, tests). What this service would page for the center right now if "
            + "care-team-service could not answer: the on-call of each tier at this instant, the hotline and phone, and when "
            + "it was last refreshed. 404 when the center was never stored.")
    @APIResponse(responseCode = "200", description = "The stored directory", content = @Content(schema = @Schema(implementation = StoredDirectory.class)))
    @APIResponse(responseCode = "404", description = "Never stored", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<StoredDirectory> stored(@PathParam("centerId") UUID centerId) {
        return refresher.storedAt(centerId).map(found -> {
            if (found == null) {
                throw ProblemException.notFound("Center directory");
            }
            return found;
        });
    }

    @POST
    @Path("/{centerId}/refresh")
    @Operation(operationId = "refreshCenterDirectory", summary = "Refresh a center's paging directory", description = "The "
            + "service role only (care-team-service, after a rotation, shift, clinician or the center changed). The center's "
            + "paging directory is fetched again from care-team-service and stored; answers 202 at once, before the fetch.")
    @APIResponse(responseCode = "202", description = "The refresh has started")
    public Response refresh(@PathParam("centerId") UUID centerId) {
        refresher.kick(centerId);
        return Response.accepted().build();
    }
}
