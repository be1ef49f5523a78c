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
    @Operation(operationId = "getEscalationPolicy", summary = "Read a center's escalation policy", description = "A clinician "
            + "or coordinator of the center. The saved policy, or the default when the center has none (primary 5 min, backup "
            + "5 min, repeat 1). 404 when the center is not one of the caller's.")
    @APIResponse(responseCode = "200", description = "The policy", content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
    public Uni<PolicyResponse> get(@PathParam("centerId") UUID centerId) {
        return policies.get(centerId, caller).map(PolicyResponse::of);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "saveEscalationPolicy", summary = "Save a center's escalation policy", description = "A "
            + "coordinator of the center. Saves a new version of the policy: levels of targets (ON_CALL:PRIMARY, "
            + "ON_CALL:BACKUP, CARE_TEAM, COMMUNITY_PHYSICIAN, CLINICIAN:{id}) with an acknowledge timeout of 10–3600 s, "
            + "repeat 0–10 and a fallback email. Alerts already open keep the policy they started with. 400 for malformed "
            + "JSON; 404 when the center is not one of the caller's; 422 for no levels, a value out of range, or a target "
            + "that names nobody.")
    @APIResponse(responseCode = "200", description = "Saved; the new version", content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No levels, a timeout outside 10–3600 s, repeat outside 0–10, or a target that names nobody", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PolicyResponse> put(@PathParam("centerId") UUID centerId, @NotNull PolicyDocument policy) {
        return policies.save(centerId, policy, caller).map(PolicyResponse::of);
    }
}
