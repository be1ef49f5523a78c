package org.cartcompanion.patient.outbox.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cartcompanion.support.security.ServiceTokenFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** alert-service's intake; wrapped by {@link AlertDelivery}. */
@RegisterRestClient(configKey = "alert-service")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/internal/v1/triage-events")
interface AlertServiceClient {

    /** The payload is already the JSON body of the contract. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> deliver(String payload);
}
