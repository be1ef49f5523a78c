package org.cartcompanion.patient.invitation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cartcompanion.patient.invitation.service.InvitationService;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/invitations/{code}/accept")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Invitations")
public class AcceptInvitationResource {

    private final InvitationService service;
    private final Caller caller;

    public AcceptInvitationResource(InvitationService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.PATIENT, Roles.CAREGIVER })
    @Operation(operationId = "acceptInvitation", summary = "Accept an invitation", description = "Any signed-in user whose "
            + "token has the group the invitation is for (patient or caregiver). Binds the caller's subject to the patient's "
            + "record: as the patient (an account the patient had before no longer sees the record), or as a caregiver with "
            + "the name and relationship the invitation gave. The code may be "
            + "typed in any case, with or without dashes. Accepting again an invitation the caller accepted answers the same. "
            + "403 when the caller's token lacks the invitation's group, 404 for a code nobody issued, 409 when the caller's "
            + "account is another patient's or already a caregiver of the patient, 410 when the "
            + "invitation was used, withdrawn or has expired.")
    @APIResponse(responseCode = "200", description = "Joined", content = @Content(schema = @Schema(implementation = AcceptedInvitation.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The invitation is for another group", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such invitation", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The account is already joined", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "Used, withdrawn or expired", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AcceptedInvitation> accept(@PathParam("code") String code) {
        return service.accept(code, caller);
    }
}
