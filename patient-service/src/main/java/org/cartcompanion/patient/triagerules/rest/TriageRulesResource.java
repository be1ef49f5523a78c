package org.cartcompanion.patient.triagerules.rest;

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
import jakarta.ws.rs.core.MediaType;

import org.cartcompanion.patient.triagerules.service.TriageRulesService;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** The triage rule table and each center's threshold overrides (served by patient-service, where triage runs). */
@Path("/api/v1/triage-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Triage rules")
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The role may not call this endpoint", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TriageRulesResource {

    private final TriageRulesService service;
    private final Caller caller;

    public TriageRulesResource(TriageRulesService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.COORDINATOR, Roles.COMMUNITY_PHYSICIAN, Roles.ADMIN })
    @Operation(operationId = "getTriageRuleTable", summary = "Read the triage rule table", description = "Clinicians, "
            + "coordinators, community physicians and admins. The default rule table: every rule id, the matrix cells, the "
            + "thresholds with their allowed ranges and which way is stricter, and every symptom code with the label and "
            + "help text the phone shows, in English and Spanish.")
    @APIResponse(responseCode = "200", description = "The table", content = @Content(schema = @Schema(implementation = RuleTableResponse.class)))
    public RuleTableResponse table() {
        return service.ruleTable();
    }

    @GET
    @Path("/centers/{centerId}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.COORDINATOR })
    @Operation(operationId = "getCenterThresholds", summary = "Read a center's threshold overrides", description = "A "
            + "clinician or coordinator of the center. The overrides in force; version 0 means the defaults. 404 when the "
            + "center is not one of the caller's.")
    @APIResponse(responseCode = "200", description = "The overrides; version 0 means the defaults", content = @Content(schema = @Schema(implementation = CenterThresholdsResponse.class)))
    @APIResponse(responseCode = "404", description = "Not a center of the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CenterThresholdsResponse> current(@PathParam("centerId") UUID centerId) {
        return service.current(centerId, caller);
    }

    @PUT
    @Path("/centers/{centerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "saveCenterThresholds", summary = "Save a center's threshold overrides", description = "A "
            + "coordinator of the center. Saves a new version of the overrides, used by every check-in triaged from then on; "
            + "an empty object restores the defaults. A center may make a threshold stricter than the default table on its "
            + "own; a less strict value needs approval (the medical lead's name and the reason), recorded with the version. "
            + "400 for unknown threshold names, 404 when the center is not one of the caller's, 422 for a value outside the "
            + "threshold's allowed range or a less strict value without approval.")
    @APIResponse(responseCode = "200", description = "The new version", content = @Content(schema = @Schema(implementation = CenterThresholdsResponse.class)))
    @APIResponse(responseCode = "400", description = "Unknown threshold names", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a center of the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A value outside the allowed range, or less strict without approval", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CenterThresholdsResponse> save(@PathParam("centerId") UUID centerId,
            @Valid @NotNull CenterThresholdsRequest request) {
        return service.save(centerId, request, caller);
    }
}
