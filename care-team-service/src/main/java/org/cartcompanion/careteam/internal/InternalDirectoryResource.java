package org.cartcompanion.careteam.internal;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.cartcompanion.careteam.routing.RoutingResponse;
import org.cartcompanion.careteam.routing.RoutingService;
import org.cartcompanion.careteam.routing.rules.Disposition;
import org.cartcompanion.careteam.support.Instants;
import org.cartcompanion.support.paging.Cursor;
import org.cartcompanion.support.paging.PageResponse;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.CallableBy;
import org.cartcompanion.support.security.Memberships;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** Service-to-service directory: only the {@code service} role; never exposed through the ingress. */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Internal")
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not the service role", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InternalDirectoryResource {

    private final DirectoryService directory;
    private final RoutingService routing;

    public InternalDirectoryResource(DirectoryService directory, RoutingService routing) {
        this.directory = directory;
        this.routing = routing;
    }

    @GET
    @Path("/subjects/{subject}/memberships")
    @CallableBy({ "patient-service", "alert-service" })
    @Operation(operationId = "listMemberships", summary = "List a subject's memberships", description = "The service role "
            + "only. The centers a user (JWT subject) belongs to, and in which role. 404 when the subject is unknown.")
    @APIResponse(responseCode = "200", description = "The memberships", content = @Content(schema = @Schema(implementation = Memberships.class)))
    public Uni<Memberships> memberships(@PathParam("subject") String subject) {
        return directory.memberships(subject);
    }

    @GET
    @Path("/centers/{centerId}")
    @CallableBy({ "patient-service", "alert-service" })
    @Operation(operationId = "getInternalCenter", summary = "Read a center's contact details", description = "The service "
            + "role only. The center's name, phone, time zone and hotline email. 404 when the center is unknown.")
    @APIResponse(responseCode = "200", description = "The center", content = @Content(schema = @Schema(implementation = CenterContact.class)))
    public Uni<CenterContact> center(@PathParam("centerId") UUID centerId) {
        return directory.center(centerId);
    }

    @GET
    @Path("/centers/{centerId}/escalation-targets")
    @CallableBy({ "alert-service" })
    @Operation(operationId = "listEscalationTargets", summary = "List a center's escalation targets", description = "The "
            + "service role only (alert-service, checking a policy). What the center's escalation policy may name: the "
            + "on-call tiers that have a rotation or shift, and the clinicians the center knows. 404 when the center is "
            + "unknown.")
    @APIResponse(responseCode = "200", description = "The targets", content = @Content(schema = @Schema(implementation = EscalationTargets.class)))
    public Uni<EscalationTargets> escalationTargets(@PathParam("centerId") UUID centerId) {
        return directory.escalationTargets(centerId);
    }

    @GET
    @Path("/centers/{centerId}/paging-directory")
    @CallableBy({ "alert-service" })
    @Operation(operationId = "getPagingDirectory", summary = "Read a center's paging directory", description = "The "
            + "service role only (alert-service, which keeps it to page the center while this service cannot answer). The "
            + "center's contact, who holds each on-call tier over the next 48 hours (one entry per turn or shift, gaps left "
            + "out) and the clinicians the center knows. 404 when the center is unknown.")
    @APIResponse(responseCode = "200", description = "The directory", content = @Content(schema = @Schema(implementation = PagingDirectory.class)))
    public Uni<PagingDirectory> pagingDirectory(@PathParam("centerId") UUID centerId) {
        return directory.pagingDirectory(centerId);
    }

    @GET
    @Path("/paging-directories")
    @CallableBy({ "alert-service" })
    @Operation(operationId = "listPagingDirectories", summary = "List every center's paging directory", description = "The "
            + "service role only (alert-service's periodic refresh). The paging directory of every center, oldest center "
            + "first; pass nextCursor as cursor for the next page. 400 for an invalid cursor or a limit outside 1–100.")
    @APIResponse(responseCode = "200", description = "One page of directories")
    @APIResponse(responseCode = "400", description = "Invalid cursor or limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageResponse<PagingDirectory>> pagingDirectories(@QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return directory.pagingDirectories(Cursor.decode(cursor), Cursor.limit(limit));
    }

    @GET
    @Path("/centers/{centerId}/coordinators")
    @CallableBy({ "patient-service" })
    @Operation(operationId = "listCenterCoordinators", summary = "List a center's coordinators", description = "The "
            + "service role only (patient-service, reminding them of a task such as recording an obe-cel second dose). The "
            + "center's name and its members in the coordinator role, with their contact details. 404 when the center is "
            + "unknown.")
    @APIResponse(responseCode = "200", description = "The coordinators", content = @Content(schema = @Schema(implementation = CenterCoordinators.class)))
    public Uni<CenterCoordinators> coordinators(@PathParam("centerId") UUID centerId) {
        return directory.coordinators(centerId);
    }

    @GET
    @Path("/care-teams/{patientId}")
    @CallableBy({ "patient-service", "alert-service" })
    @Operation(operationId = "getInternalCareTeam", summary = "Read a care team for a service", description = "The service "
            + "role only. The patient's care team with its members' subjects, so other services can decide access. 404 when "
            + "the patient has no care team.")
    @APIResponse(responseCode = "200", description = "The team", content = @Content(schema = @Schema(implementation = CareTeamMembers.class)))
    public Uni<CareTeamMembers> careTeam(@PathParam("patientId") UUID patientId) {
        return directory.careTeam(patientId);
    }

    @GET
    @Path("/routing/patients/{patientId}")
    @CallableBy({ "alert-service" })
    @Operation(operationId = "getRouting", summary = "Route a patient's alert", description = "The service role only "
            + "(alert-service). Who answers the patient's alert for a disposition at an instant (default now): the "
            + "responsible side, the on-call tiers, the care team, the community physicians, the fallback email and the "
            + "center's phone. COMMUNITY is responsible only for COMMUNITY_24H in a SHARED or COMMUNITY_LED phase. A patient "
            + "without a care team is center-led at centerId when the caller gives it (the triage event names it), else at "
            + "the center patient-service names. 400 for a missing or unknown disposition, or an at that is not an instant; "
            + "404 when the patient or center is unknown; 503 when the patient has no care team, no centerId is given and "
            + "patient-service cannot be reached.")
    @APIResponse(responseCode = "200", description = "The routing", content = @Content(schema = @Schema(implementation = RoutingResponse.class)))
    @APIResponse(responseCode = "400", description = "Missing or unknown disposition, or at not an instant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The patient has no care team and patient-service cannot be reached", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RoutingResponse> routing(@PathParam("patientId") UUID patientId,
            @QueryParam("disposition") String disposition, @QueryParam("at") String at,
            @QueryParam("centerId") UUID centerId) {
        return routing.route(patientId, disposition(disposition), Instants.param("at", at), centerId);
    }

    private static Disposition disposition(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("disposition is required.");
        }
        try {
            return Disposition.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("disposition must be one of EMERGENCY, CENTER_NOW, CENTER_SAME_DAY,"
                    + " COMMUNITY_24H, SELF_CARE.");
        }
    }
}
