package org.cartcompanion.alert.triage.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cartcompanion.alert.triage.TriageEventReceipt;
import org.cartcompanion.alert.triage.TriageEventRequest;
import org.cartcompanion.alert.triage.service.TriageIntakeService;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.security.CallableBy;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/internal/v1/triage-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class TriageEventResource {

    private final TriageIntakeService intake;

    public TriageEventResource(TriageIntakeService intake) {
        this.intake = intake;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SERVICE)
    @CallableBy({ "patient-service" })
    @Operation(operationId = "receiveTriageEvent", summary = "Receive a triage event", description = "The service role only "
            + "(patient-service). Stores a check-in's triage event and opens an alert for the patient, or adds the event to "
            + "the patient's open alert; the alert escalates by its center's policy. Idempotent on eventId: a redelivered "
            + "event answers 202 with the first receipt and changes nothing. 400 for an invalid event.")
    @APIResponse(responseCode = "202", description = "Stored (or already stored)", content = @Content(schema = @Schema(implementation = TriageEventReceipt.class)))
    @APIResponse(responseCode = "400", description = "Invalid event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the service role", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> receive(@Valid @NotNull TriageEventRequest request) {
        return intake.receive(request).map(receipt -> Response.accepted(receipt).build());
    }
}
