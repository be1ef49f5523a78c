package org.cartcompanion.careteam.oncall.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cartcompanion.careteam.oncall.service.OnCallService;
import org.cartcompanion.careteam.support.Instants;
import org.cartcompanion.support.paging.PageResponse;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** On-call schedules of a center, in its time zone. */
@Path("/api/v1/centers/{centerId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "On-call")
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The role may not call this endpoint", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown center, or not the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class OnCallResource {

    private final OnCallService service;
    private final Caller caller;

    public OnCallResource(OnCallService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Path("/rotations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Add a rotation (coordinator); the answer warns of coverage gaps in the next 14 days")
    @APIResponse(responseCode = "201", description = "Saved", content = @Content(schema = @Schema(implementation = RotationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown clinicians, or not the center's staff; endDate not after startDate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createRotation(@PathParam("centerId") UUID centerId, @Valid @NotNull RotationRequest request) {
        return service.createRotation(centerId, request, caller).map(saved -> Response
                .created(URI.create("/api/v1/centers/" + centerId + "/rotations/" + saved.id())).entity(saved).build());
    }

    @GET
    @Path("/rotations")
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN })
    @Operation(summary = "The center's rotations (staff)")
    @APIResponse(responseCode = "200", description = "The rotations")
    public Uni<PageResponse<RotationResponse>> rotations(@PathParam("centerId") UUID centerId) {
        return service.rotations(centerId, caller).map(all -> new PageResponse<>(all, null));
    }

    @DELETE
    @Path("/rotations/{rotationId}")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Delete a rotation (coordinator); the answer lists the coverage gaps it leaves")
    @APIResponse(responseCode = "200", description = "Deleted", content = @Content(schema = @Schema(implementation = CoverageResponse.class)))
    public Uni<CoverageResponse> deleteRotation(@PathParam("centerId") UUID centerId,
            @PathParam("rotationId") UUID rotationId) {
        return service.deleteRotation(centerId, rotationId, caller);
    }

    @POST
    @Path("/shifts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Add a one-off shift that overrides its tier's rotation (coordinator)")
    @APIResponse(responseCode = "201", description = "Saved", content = @Content(schema = @Schema(implementation = ShiftResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Empty or overlapping shift; unknown clinician, or not the center's staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createShift(@PathParam("centerId") UUID centerId, @Valid @NotNull ShiftRequest request) {
        return service.createShift(centerId, request, caller).map(saved -> Response
                .created(URI.create("/api/v1/centers/" + centerId + "/shifts/" + saved.id())).entity(saved).build());
    }

    @GET
    @Path("/shifts")
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN })
    @Operation(summary = "The center's shifts overlapping [from, to) (staff; default the next 14 days)")
    @APIResponse(responseCode = "200", description = "The shifts")
    public Uni<PageResponse<ShiftResponse>> shifts(@PathParam("centerId") UUID centerId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return service.shifts(centerId, Instants.param("from", from), Instants.param("to", to), caller)
                .map(all -> new PageResponse<>(all, null));
    }

    @DELETE
    @Path("/shifts/{shiftId}")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Delete a shift (coordinator); the answer lists the coverage gaps it leaves")
    @APIResponse(responseCode = "200", description = "Deleted", content = @Content(schema = @Schema(implementation = CoverageResponse.class)))
    public Uni<CoverageResponse> deleteShift(@PathParam("centerId") UUID centerId, @PathParam("shiftId") UUID shiftId) {
        return service.deleteShift(centerId, shiftId, caller);
    }

    @GET
    @Path("/on-call")
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN, Roles.COMMUNITY_PHYSICIAN })
    @Operation(summary = "Who is on call at an instant (default now)")
    @APIResponse(responseCode = "200", description = "PRIMARY and BACKUP, each a list of recipients; empty is a gap", content = @Content(schema = @Schema(implementation = OnCallResponse.class)))
    @APIResponse(responseCode = "400", description = "at is not an instant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OnCallResponse> onCall(@PathParam("centerId") UUID centerId, @QueryParam("at") String at) {
        return service.onCall(centerId, Instants.param("at", at), caller);
    }

    @GET
    @Path("/coverage-gaps")
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN })
    @Operation(summary = "Where a tier has nobody on call within [from, to) (staff; default the next 14 days, at most 92)")
    @APIResponse(responseCode = "200", description = "The gaps, PRIMARY first, each in order")
    @APIResponse(responseCode = "400", description = "Invalid window", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageResponse<GapResponse>> gaps(@PathParam("centerId") UUID centerId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return service.gaps(centerId, Instants.param("from", from), Instants.param("to", to), caller)
                .map(all -> new PageResponse<>(all, null));
    }

    @GET
    @Path("/clinicians/{clinicianId}/on-call.ics")
    @Produces("text/calendar")
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN })
    @Operation(summary = "A clinician's on-call turns and shifts as iCalendar, a week back to 60 days ahead (the clinician, or a coordinator)")
    @APIResponse(responseCode = "200", description = "text/calendar")
    public Uni<Response> calendar(@PathParam("centerId") UUID centerId, @PathParam("clinicianId") UUID clinicianId) {
        return service.calendar(centerId, clinicianId, caller)
                .map(calendar -> Response.ok(ICalendar.of(calendar), "text/calendar; charset=utf-8")
                        .header("Content-Disposition", "inline; filename=on-call.ics").build());
    }

}
