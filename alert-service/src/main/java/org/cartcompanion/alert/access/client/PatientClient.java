package org.cartcompanion.alert.access.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.cartcompanion.support.security.ServiceTokenFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** patient-service's internal API: which patients a patient or caregiver subject may read. Wrapped by {@link Directory}. */
@RegisterRestClient(configKey = "patient-service")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/internal/v1")
interface PatientClient {

    @GET
    @Path("/subjects/{subject}/patients")
    Uni<SubjectPatients> patients(@PathParam("subject") String subject);

    @GET
    @Path("/patients/{patientId}/phones")
    Uni<PatientPhones> phones(@PathParam("patientId") java.util.UUID patientId);
}
