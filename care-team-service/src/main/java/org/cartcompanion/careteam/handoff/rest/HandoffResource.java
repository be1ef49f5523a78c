package org.cartcompanion.careteam.handoff.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cartcompanion.careteam.handoff.HandoffStatus;
import org.cartcompanion.careteam.handoff.service.HandoffService;
import org.cartcompanion.support.paging.Cursor;
import org.cartcompanion.support.paging.PageResponse;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/handoffs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Hand-offs")
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The role may not call this endpoint, or only the receiver may", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class HandoffResource {

    private final HandoffService service;
    private final Caller caller;

    public HandoffResource(HandoffService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN })
    @Operation(operationId = "proposeHandoff", summary = "Propose a hand-off", description = "A coordinator or clinician of "
            + "the patient's center. Proposes moving the patient to SHARED or COMMUNITY_LED care with a community physician, "
            + "who is emailed; answers 201 with its Location and the hand-off, PENDING. 400 for invalid input; 404 when the "
            + "patient is unknown or not the caller's; 409 when the team is already in that phase or a hand-off is pending; "
            + "422 when the receiver is not a community physician known to the center, or toPhase is CENTER_LED; 503 when "
            + "patient-service cannot be reached (nothing changed).")
    @APIResponse(responseCode = "201", description = "Sent; the receiver is emailed", content = @Content(schema = @Schema(implementation = HandoffResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown patient, or not the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already in that phase, or a hand-off is pending", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The receiver is not a community physician known to the center; toPhase CENTER_LED", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "patient-service cannot be reached; nothing changed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull HandoffRequest request) {
        return service.create(request, caller).map(
                h -> Response.created(URI.create("/api/v1/handoffs/" + h.id())).entity(h).build());
    }

    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN, Roles.COMMUNITY_PHYSICIAN })
    @Operation(operationId = "listHandoffs", summary = "List hand-offs", description = "Coordinators and clinicians see the "
            + "hand-offs of their centers, a community physician those sent to them; newest first, optionally filtered by "
            + "status (PENDING, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN), at most limit per page; pass nextCursor as cursor "
            + "for the next page. 400 for an invalid status, cursor or limit (1–100).")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Invalid status, cursor or limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageResponse<HandoffResponse>> list(@QueryParam("status") String status,
            @Parameter(description = "The previous page's nextCursor") @QueryParam("cursor") String cursor,
            @Schema(minimum = "1", maximum = "100", defaultValue = "20") @QueryParam("limit") Integer limit) {
        int size = Cursor.limit(limit);
        return service.page(status(status), Cursor.decode(cursor), size, caller).map(rows -> {
            List<HandoffResponse> page = rows.size() > size ? rows.subList(0, size) : rows;
            String next = rows.size() > size
                    ? new Cursor(page.get(size - 1).createdAt(), page.get(size - 1).id()).encode()
                    : null;
            return new PageResponse<>(page, next);
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN, Roles.COMMUNITY_PHYSICIAN })
    @Operation(operationId = "getHandoff", summary = "Read a hand-off", description = "A coordinator or clinician of the "
            + "patient's center, or the receiving community physician. The hand-off with its clinical summary, with an ETag. "
            + "404 when it is unknown or not the caller's.")
    @APIResponse(responseCode = "200", description = "The hand-off", content = @Content(schema = @Schema(implementation = HandoffResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.get(id, caller).map(h -> Response.ok(h).tag(new EntityTag(h.status().name() + "-"
                + (h.decidedAt() == null ? "" : h.decidedAt().toEpochMilli()) + "-"
                + (h.remindedAt() == null ? "" : h.remindedAt().toEpochMilli()))).build());
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed(Roles.COMMUNITY_PHYSICIAN)
    @Operation(operationId = "acceptHandoff", summary = "Accept a hand-off", description = "The receiving community physician "
            + "only. The care team's phase becomes toPhase and the physician joins it as COMMUNITY_PHYSICIAN. 403 for any "
            + "other role; 404 when it is unknown or another physician's; 409 when it is no longer pending, has lapsed, or "
            + "the care team changed since it was proposed.")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(implementation = HandoffResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No longer pending, lapsed, or the care team changed since", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<HandoffResponse> accept(@PathParam("id") UUID id) {
        return service.accept(id, caller);
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COMMUNITY_PHYSICIAN)
    @Operation(operationId = "declineHandoff", summary = "Decline a hand-off", description = "The receiving community "
            + "physician only. Declines with a reason; the center stays responsible. 400 without a reason; 404 when it is "
            + "unknown or not the caller's; 409 when it is no longer pending or has lapsed.")
    @APIResponse(responseCode = "200", description = "Declined", content = @Content(schema = @Schema(implementation = HandoffResponse.class)))
    @APIResponse(responseCode = "400", description = "No reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No longer pending, or lapsed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<HandoffResponse> decline(@PathParam("id") UUID id, @Valid @NotNull DeclineRequest request) {
        return service.decline(id, request.reason(), caller);
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN })
    @Operation(operationId = "withdrawHandoff", summary = "Withdraw a hand-off", description = "A coordinator or clinician of "
            + "the patient's center. Withdraws a pending hand-off. 404 when it is unknown or not the caller's; 409 when it is "
            + "no longer pending.")
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(schema = @Schema(implementation = HandoffResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No longer pending", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<HandoffResponse> withdraw(@PathParam("id") UUID id) {
        return service.withdraw(id, caller);
    }

    private static HandoffStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return HandoffStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status must be one of PENDING, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN.");
        }
    }
}
