package org.cartcompanion.patient.me;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
public class MeResource {

    private final MeService service;
    private final Caller caller;

    public MeResource(MeService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Authenticated
    @Operation(operationId = "getMe", summary = "Who am I", description = "Any authenticated user. The caller's subject and "
            + "roles, and the patients the caller acts for: a patient their own record, a caregiver each patient linked to "
            + "them, each with the day after infusion, the phase, when the next check-in is due and the center's name and "
            + "phone. Staff get an empty list. 401 without a valid token.")
    @APIResponse(responseCode = "200", description = "The caller", content = @Content(schema = @Schema(implementation = MeResponse.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<MeResponse> me() {
        return service.me(caller);
    }
}
