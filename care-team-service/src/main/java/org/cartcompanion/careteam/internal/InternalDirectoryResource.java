package org.cartcompanion.careteam.internal;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** Service-to-service directory: only the {@code service} role; never exposed through the ingress. */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Internal")
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not the service role", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InternalDirectoryResource {

    private final DirectoryService directory;

    public InternalDirectoryResource(DirectoryService directory) {
        this.directory = directory;
    }

    @GET
    @Path("/subjects/{subject}/memberships")
    @Operation(summary = "The centers a user belongs to, and in which role (service)")
    @APIResponse(responseCode = "200", description = "The memberships", content = @Content(schema = @Schema(implementation = Memberships.class)))
    public Uni<Memberships> memberships(@PathParam("subject") String subject) {
        return directory.memberships(subject);
    }

    @GET
    @Path("/centers/{centerId}")
    @Operation(summary = "A center's contact details (service)")
    @APIResponse(responseCode = "200", description = "The center", content = @Content(schema = @Schema(implementation = CenterContact.class)))
    public Uni<CenterContact> center(@PathParam("centerId") UUID centerId) {
        return directory.center(centerId);
    }

    @GET
    @Path("/centers/{centerId}/escalation-targets")
    @Operation(summary = "What the center's escalation policy may name: scheduled on-call tiers and known clinicians (service)")
    @APIResponse(responseCode = "200", description = "The targets", content = @Content(schema = @Schema(implementation = EscalationTargets.class)))
    public Uni<EscalationTargets> escalationTargets(@PathParam("centerId") UUID centerId) {
        return directory.escalationTargets(centerId);
    }
}
