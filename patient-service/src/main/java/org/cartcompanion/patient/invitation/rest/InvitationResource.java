package org.cartcompanion.patient.invitation.rest;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
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

import org.cartcompanion.patient.invitation.service.InvitationService;
import org.cartcompanion.support.paging.Cursor;
import org.cartcompanion.support.paging.PageResponse;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/patients/{id}/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Invitations")
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The role may not call this endpoint", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown patient or invitation, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InvitationResource {

    private final InvitationService service;
    private final Caller caller;
    private final Clock clock;

    public InvitationResource(InvitationService service, Caller caller, Clock clock) {
        this.service = service;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN })
    @Operation(operationId = "createInvitation", summary = "Invite the patient or a caregiver", description = "A clinician or "
            + "coordinator of the patient's center. Creates a single-use code (60 random bits, shown as XXXX-XXXX-XXXX) valid "
            + "for 72 hours and a link to the app that carries it; when an email is given the invitation is mailed too. The "
            + "code is shown only in this answer. Whoever accepts it with their own sign-in joins the patient's record as the "
            + "patient or as a caregiver (a caregiver's invitation names them and their relationship); a patient who already "
            + "has an account moves to the one that accepts (a new phone, a new identity provider). 400 for invalid input, "
            + "403 when the caller's role at the patient's center may not invite, 404 when the patient is unknown or not "
            + "visible to the caller, 409 when the patient is no longer followed (withdrawn, deceased), 422 when a "
            + "caregiver's name or relationship is missing.")
    @APIResponse(responseCode = "201", description = "Created; the code is in this answer only", content = @Content(schema = @Schema(implementation = InvitationCreated.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The patient is no longer followed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A caregiver's name or relationship is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@PathParam("id") UUID patientId, @Valid @NotNull InvitationRequest request) {
        return service.invite(patientId, request, caller)
                .map(created -> Response
                        .created(URI.create("/api/v1/patients/" + patientId + "/invitations/" + created.id()))
                        .entity(created).build());
    }

    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN })
    @Operation(operationId = "listInvitations", summary = "List a patient's invitations", description = "A clinician or "
            + "coordinator of the patient's center. Every invitation made for the patient, newest first, with its status "
            + "(PENDING, ACCEPTED, WITHDRAWN, EXPIRED) and when it was mailed; never the codes. Pass nextCursor as cursor for "
            + "the next page (null on the last). 400 for an invalid cursor or a limit outside 1–100.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Invalid cursor or limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageResponse<InvitationResponse>> list(@PathParam("id") UUID patientId,
            @Parameter(description = "The previous page's nextCursor") @QueryParam("cursor") String cursor,
            @Schema(minimum = "1", maximum = "100", defaultValue = "20") @QueryParam("limit") Integer limit) {
        int size = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        return service.page(patientId, caller, after == null ? null : after.createdAt(), after == null ? null : after.id(),
                size).map(rows -> {
                    // One instant for the page: every row's status (pending or expired) is read at the same time.
                    Instant now = clock.instant();
                    return PageResponse.of(rows, size, i -> new Cursor(i.createdAt, i.id), i -> InvitationResponse.of(i, now));
                });
    }

    @DELETE
    @Path("/{inviteId}")
    @RolesAllowed({ Roles.COORDINATOR, Roles.CLINICIAN })
    @Operation(operationId = "withdrawInvitation", summary = "Withdraw an invitation", description = "A clinician or "
            + "coordinator of the patient's center. From then on the code answers 410 and an unsent invitation mail is not "
            + "sent. Answers 204, also for one already withdrawn or expired. 409 when it has been accepted (unlink the "
            + "caregiver instead).")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "409", description = "Already accepted", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> withdraw(@PathParam("id") UUID patientId, @PathParam("inviteId") UUID inviteId) {
        return service.withdraw(patientId, inviteId, caller).map(v -> Response.noContent().build());
    }
}
