package org.cartcompanion.careteam.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/** patient-service's public API, called with the signed-in clinician's own token. Wrapped by {@link ConsoleService}. */
@RegisterRestClient(configKey = "patient-service")
@Path("/api/v1/patients/{id}")
interface PatientApi {

    @GET
    Uni<JsonNode> patient(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @GET
    @Path("/check-ins")
    Uni<JsonNode> checkIns(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
            @QueryParam("limit") int limit);
}
