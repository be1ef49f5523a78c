package org.cartcompanion.patient.app.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * alert-service's public API, called with the patient's or caregiver's own token: alert-service decides what they may see (the
 * patient view: status, who acknowledged, what to do). Wrapped by {@link org.cartcompanion.patient.app.service.AppAlerts}.
 */
@RegisterRestClient(configKey = "alert-service")
@Path("/api/v1")
public interface AlertApi {

    @GET
    @Path("/alerts")
    Uni<JsonNode> list(@HeaderParam("Authorization") String bearer, @QueryParam("patientId") String patientId,
            @QueryParam("limit") int limit);
}
