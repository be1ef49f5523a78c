package org.cartcompanion.careteam.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.cartcompanion.support.security.ServiceTokenFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** patient-service's internal API. Wrapped by {@link Patients}. */
@RegisterRestClient(configKey = "patient-service")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/internal/v1")
interface PatientClient {

    @GET
    @Path("/patients/{patientId}")
    Uni<PatientRecord> patient(@PathParam("patientId") UUID patientId);
}
