package org.cartcompanion.alert.policy.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cartcompanion.alert.policy.PolicyDocument;
import org.cartcompanion.alert.policy.service.PolicyService;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/escalation-policies/{centerId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Escalation policies")
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Not a center of the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PolicyResource {

    private final PolicyService policies;
    private final Caller caller;

    public PolicyResource(PolicyService policies, Caller caller) {
        this.policies = policies;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.COORDINATOR })
    @Operation(summary = "The center's escalation policy, or the default when it has none (staff of the center)")
    @APIResponse(responseCode = "200", description = "The policy", content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
    public Uni<PolicyResponse> get(@PathParam("centerId") UUID centerId) {
        return policies.get(centerId, caller).map(PolicyResponse::of);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Save the center's escalation policy (a coordinator of the center); alerts already open keep theirs")
    @APIResponse(responseCode = "200", description = "Saved; the new version", content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No levels, a timeout outside 10–3600 s, repeat outside 0–10, or a target that names nobody", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PolicyResponse> put(@PathParam("centerId") UUID centerId, @NotNull PolicyDocument policy) {
        return policies.save(centerId, policy, caller).map(PolicyResponse::of);
    }
}
