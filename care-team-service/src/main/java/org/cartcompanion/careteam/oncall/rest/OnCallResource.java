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

import org.cartcompanion.careteam.client.DirectoryChanges;
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
    private final DirectoryChanges changes;

    public OnCallResource(OnCallService service, Caller caller, DirectoryChanges changes) {
        this.service = service;
        this.caller = caller;
        this.changes = changes;
    }

    @POST
    @Path("/rotations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "createRotation", summary = "Add a rotation", description = "A coordinator of the center. Adds a "
            + "PRIMARY or BACKUP rotation: the turn passes to the next clinician every lengthDays at handoffTime in the "
            + "center's time zone, across daylight-saving changes. Answers 201 with its Location, the rotation and the "
            + "coverage gaps of the next 14 days. 400 for invalid input; 404 when the center is unknown or not the caller's; "
            + "422 for clinicians the center does not have as staff, or an endDate not after startDate.")
    @APIResponse(responseCode = "201", description = "Saved", content = @Content(schema = @Schema(implementation = RotationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown clinicians, or not the center's staff; endDate not after startDate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createRotation(@PathParam("centerId") UUID centerId, @Valid @NotNull RotationRequest request) {
        return service.createRotation(centerId, request, caller).invoke(() -> changes.changed(centerId)).map(saved -> Response
                .created(URI.create("/api/v1/centers/" + centerId + "/rotations/" + saved.id())).entity(saved).build());
    }

    @GET
    @Path("/rotations")
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN })
    @Operation(operationId = "listRotations", summary = "List a center's rotations", description = "A coordinator or "
            + "clinician of the center. Every rotation, in one page (nextCursor is always null). 404 when the center is "
            + "unknown or not the caller's.")
    @APIResponse(responseCode = "200", description = "The rotations")
    public Uni<PageResponse<RotationResponse>> rotations(@PathParam("centerId") UUID centerId) {
        return service.rotations(centerId, caller).map(all -> new PageResponse<>(all, null));
    }

    @DELETE
    @Path("/rotations/{rotationId}")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "deleteRotation", summary = "Delete a rotation", description = "A coordinator of the center. "
            + "Deletes the rotation and answers the coverage gaps of the next 14 days it leaves. 404 when the center or "
            + "rotation is unknown or not the caller's.")
    @APIResponse(responseCode = "200", description = "Deleted", content = @Content(schema = @Schema(implementation = CoverageResponse.class)))
    public Uni<CoverageResponse> deleteRotation(@PathParam("centerId") UUID centerId,
            @PathParam("rotationId") UUID rotationId) {
        return service.deleteRotation(centerId, rotationId, caller).invoke(() -> changes.changed(centerId));
    }

    @POST
    @Path("/shifts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "createShift", summary = "Add a shift", description = "A coordinator of the center. Adds a "
            + "one-off shift (start and end instants) that overrides its tier's rotation while it lasts, and answers 201 with "
            + "its Location, the shift and the coverage gaps of the next 14 days. 400 for invalid input; 404 when the center "
            + "is unknown or not the caller's; 422 for an empty, overlapping or over 92 days long shift, or a clinician the "
            + "center does not have as staff.")
    @APIResponse(responseCode = "201", description = "Saved", content = @Content(schema = @Schema(implementation = ShiftResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Empty or overlapping shift; unknown clinician, or not the center's staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createShift(@PathParam("centerId") UUID centerId, @Valid @NotNull ShiftRequest request) {
        return service.createShift(centerId, request, caller).invoke(() -> changes.changed(centerId)).map(saved -> Response
                .created(URI.create("/api/v1/centers/" + centerId + "/shifts/" + saved.id())).entity(saved).build());
    }

    @GET
    @Path("/shifts")
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN })
    @Operation(operationId = "listShifts", summary = "List a center's shifts", description = "A coordinator or clinician of "
            + "the center. The shifts overlapping [from, to) (instants; default the next 14 days, at most 92), in one page "
            + "(nextCursor is always null). 400 for an invalid window; 404 when the center is unknown or not the caller's.")
    @APIResponse(responseCode = "200", description = "The shifts")
    @APIResponse(responseCode = "400", description = "Invalid window", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageResponse<ShiftResponse>> shifts(@PathParam("centerId") UUID centerId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return service.shifts(centerId, Instants.param("from", from), Instants.param("to", to), caller)
                .map(all -> new PageResponse<>(all, null));
    }

    @DELETE
    @Path("/shifts/{shiftId}")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "deleteShift", summary = "Delete a shift", description = "A coordinator of the center. Deletes "
            + "the shift and answers the coverage gaps of the next 14 days it leaves. 404 when the center or shift is unknown "
            + "or not the caller's.")
    @APIResponse(responseCode = "200", description = "Deleted", content = @Content(schema = @Schema(implementation = CoverageResponse.class)))
    public Uni<CoverageResponse> deleteShift(@PathParam("centerId") UUID centerId, @PathParam("shiftId") UUID shiftId) {
        return service.deleteShift(centerId, shiftId, caller).invoke(() -> changes.changed(centerId));
    }

    @GET
    @Path("/on-call")
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN, Roles.COMMUNITY_PHYSICIAN })
    @Operation(operationId = "getOnCall", summary = "Read who is on call", description = "Coordinators, clinicians and "
            + "community physicians the center knows. Who holds PRIMARY and BACKUP at the instant at (default now), each a "
            + "list of recipients; an empty list is a gap. 400 when at is not an instant; 404 when the center is unknown or "
            + "not the caller's.")
    @APIResponse(responseCode = "200", description = "PRIMARY and BACKUP, each a list of recipients; empty is a gap", content = @Content(schema = @Schema(implementation = OnCallResponse.class)))
    @APIResponse(responseCode = "400", description = "at is not an instant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OnCallResponse> onCall(@PathParam("centerId") UUID centerId, @QueryParam("at") String at) {
        return service.onCall(centerId, Instants.param("at", at), caller);
    }

    @GET
    @Path("/coverage-gaps")
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN })
    @Operation(operationId = "listCoverageGaps", summary = "List coverage gaps", description = "A coordinator or clinician of "
            + "the center. The intervals within [from, to) (default the next 14 days, at most 92) where a tier has nobody on "
            + "call, PRIMARY first, each in order, in one page (nextCursor is always null). 400 for an invalid window; 404 "
            + "when the center is unknown or not the caller's.")
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
    @Operation(operationId = "getOnCallCalendar", summary = "Read a clinician's on-call calendar", description = "The "
            + "clinician themself, or a coordinator of the center. The clinician's on-call turns and shifts from a week back "
            + "to 60 days ahead, as an iCalendar feed. 404 when the center or clinician is unknown or not the caller's.")
    @APIResponse(responseCode = "200", description = "The iCalendar feed", content = @Content(mediaType = "text/calendar"))
    public Uni<Response> calendar(@PathParam("centerId") UUID centerId, @PathParam("clinicianId") UUID clinicianId) {
        return service.calendar(centerId, clinicianId, caller)
                .map(calendar -> Response.ok(ICalendar.of(calendar), "text/calendar; charset=utf-8")
                        .header("Content-Disposition", "inline; filename=on-call.ics").build());
    }

}
