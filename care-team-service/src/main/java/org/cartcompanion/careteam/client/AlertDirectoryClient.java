package org.cartcompanion.careteam.client;

import java.util.UUID;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.cartcompanion.support.security.ServiceTokenFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** alert-service's internal API, as far as this service uses it. Wrapped by {@link DirectoryChanges}. */
@RegisterRestClient(configKey = "alert-service")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/internal/v1")
interface AlertDirectoryClient {

    @POST
    @Path("/center-directories/{centerId}/refresh")
    Uni<Void> refresh(@PathParam("centerId") UUID centerId);
}
