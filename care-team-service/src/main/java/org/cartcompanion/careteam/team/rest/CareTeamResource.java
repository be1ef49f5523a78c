package org.cartcompanion.careteam.team.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cartcompanion.careteam.team.service.CareTeamService;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/care-teams/{patientId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Care teams")
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The role may not call this endpoint", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown patient or team, or not the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CareTeamResource {

    private final CareTeamService service;
    private final Caller caller;

    public CareTeamResource(CareTeamService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "saveCareTeam", summary = "Save a patient's care team", description = "A coordinator of the "
            + "patient's center. Creates or replaces the care team: its center, phase and members with their roles. Only an "
            + "accepted hand-off moves a team to SHARED or COMMUNITY_LED, so asking for that here is 409. 400 for invalid "
            + "input; 404 when the patient is unknown or not of the caller's center; 422 for members the center does not "
            + "know, in the wrong capacity or named twice, or a community phase without its physician; 503 when "
            + "patient-service cannot be reached (nothing changed).")
    @APIResponse(responseCode = "200", description = "Saved", content = @Content(schema = @Schema(implementation = CareTeamResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A move to SHARED or COMMUNITY_LED, which only an accepted hand-off makes", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Members the center does not know, in the wrong capacity, twice, or a community phase without its physician", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "patient-service cannot be reached; nothing changed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> put(@PathParam("patientId") UUID patientId, @Valid @NotNull CareTeamRequest request) {
        return service.put(patientId, request, caller).map(this::ok);
    }

    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN, Roles.COMMUNITY_PHYSICIAN })
    @Operation(operationId = "getCareTeam", summary = "Read a patient's care team", description = "A coordinator or clinician "
            + "of the patient's center, or a community physician on the team. Answers with an ETag. 404 when the patient or "
            + "team is unknown or not the caller's.")
    @APIResponse(responseCode = "200", description = "The team", content = @Content(schema = @Schema(implementation = CareTeamResponse.class)))
    public Uni<Response> get(@PathParam("patientId") UUID patientId) {
        return service.get(patientId, caller).map(this::ok);
    }

    private Response ok(CareTeamResponse team) {
        return Response.ok(team).tag(new EntityTag(Long.toString(team.updatedAt().toEpochMilli()))).build();
    }
}
