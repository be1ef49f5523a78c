package org.cartcompanion.alert.access.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.cartcompanion.support.security.Memberships;
import org.cartcompanion.support.security.ServiceTokenFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** care-team-service's internal API, as far as this service uses it. Wrapped by {@link Directory}. */
@RegisterRestClient(configKey = "care-team-service")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/internal/v1")
interface CareTeamClient {

    @GET
    @Path("/routing/patients/{patientId}")
    Uni<Routing> routing(@PathParam("patientId") UUID patientId, @QueryParam("disposition") String disposition,
            @QueryParam("at") String at, @QueryParam("centerId") UUID centerId);

    @GET
    @Path("/centers/{centerId}/paging-directory")
    Uni<PagingDirectory> pagingDirectory(@PathParam("centerId") UUID centerId);

    @GET
    @Path("/paging-directories")
    Uni<PagingDirectory.Page> pagingDirectories(@QueryParam("cursor") String cursor, @QueryParam("limit") int limit);

    @GET
    @Path("/centers/{centerId}/escalation-targets")
    Uni<EscalationTargets> escalationTargets(@PathParam("centerId") UUID centerId);

    @GET
    @Path("/subjects/{subject}/memberships")
    Uni<Memberships> memberships(@PathParam("subject") String subject);

    @GET
    @Path("/care-teams/{patientId}")
    Uni<CareTeam> careTeam(@PathParam("patientId") UUID patientId);
}
