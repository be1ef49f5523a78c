package org.cartcompanion.careteam.console;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * alert-service's public API, called with the signed-in clinician's own token: alert-service decides what they may see and do.
 * Wrapped by {@link ConsoleService}.
 */
@RegisterRestClient(configKey = "alert-service")
@Path("/api/v1")
interface AlertApi {

    @GET
    @Path("/alerts")
    Uni<JsonNode> list(@HeaderParam("Authorization") String bearer, @QueryParam("status") String status,
            @QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

    @GET
    @Path("/alerts/{id}")
    Uni<JsonNode> get(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @POST
    @Path("/alerts/{id}/acknowledge")
    Uni<JsonNode> acknowledge(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @POST
    @Path("/alerts/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<JsonNode> resolve(@HeaderParam("Authorization") String bearer, @PathParam("id") String id, JsonNode body);

    @POST
    @Path("/test-pages")
    Uni<JsonNode> testPage(@HeaderParam("Authorization") String bearer);
}
