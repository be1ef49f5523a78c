package org.cartcompanion.patient.erasure;

import java.util.UUID;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.cartcompanion.support.security.ServiceTokenFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** alert-service erases its copy of a patient's identifying data (the phone on their alerts). */
@RegisterRestClient(configKey = "alert-service")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/internal/v1/patients/{patientId}/erasure")
public interface AlertErasureClient {

    @POST
    Uni<Void> erase(@PathParam("patientId") UUID patientId);
}
