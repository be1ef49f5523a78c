package org.cartcompanion.patient.access.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.cartcompanion.support.security.Memberships;
import org.cartcompanion.support.security.ServiceTokenFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** care-team-service's internal API, as far as this service uses it. Wrapped by {@link CareTeamDirectory}. */
@RegisterRestClient(configKey = "care-team-service")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/internal/v1")
interface CareTeamClient {

    @GET
    @Path("/subjects/{subject}/memberships")
    Uni<Memberships> memberships(@PathParam("subject") String subject);

    @GET
    @Path("/care-teams/{patientId}")
    Uni<CareTeamMembers> careTeam(@PathParam("patientId") UUID patientId);

    @GET
    @Path("/centers/{centerId}")
    Uni<CenterContact> center(@PathParam("centerId") UUID centerId);

    @GET
    @Path("/centers/{centerId}/coordinators")
    Uni<CenterCoordinators> coordinators(@PathParam("centerId") UUID centerId);
}
