package org.cartcompanion.careteam.clinician.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cartcompanion.careteam.client.DirectoryChanges;
import org.cartcompanion.careteam.clinician.Recipient;
import org.cartcompanion.careteam.clinician.service.ClinicianService;
import org.cartcompanion.careteam.clinician.service.ContactMethodService;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** How a clinician is woken when a level pages them (API.md v1.1). */
@Path("/api/v1/clinicians/{clinicianId}/contact-methods")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clinicians")
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Staff who may not manage this clinician", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown clinician, or not the caller's to see", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ContactMethodResource {

    private final ContactMethodService service;
    private final ClinicianService clinicians;
    private final Caller caller;
    private final DirectoryChanges changes;

    public ContactMethodResource(ContactMethodService service, ClinicianService clinicians, Caller caller,
            DirectoryChanges changes) {
        this.service = service;
        this.clinicians = clinicians;
        this.caller = caller;
        this.changes = changes;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.CLINICIAN, Roles.COMMUNITY_PHYSICIAN })
    @Operation(operationId = "getContactMethods", summary = "Read how a clinician is woken", description = "The clinician, "
            + "an admin, or a coordinator of a center the clinician belongs to. The methods in order, each { type: EMAIL|SMS|"
            + "VOICE, address, delaySeconds }; a clinician who saved none is emailed at once: [ { EMAIL, their email, 0 } ].")
    @APIResponse(responseCode = "200", description = "The methods", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Recipient.Contact.class)))
    public Uni<List<Recipient.Contact>> get(@PathParam("clinicianId") UUID clinicianId) {
        return service.get(clinicianId, caller);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.CLINICIAN, Roles.COMMUNITY_PHYSICIAN })
    @Operation(operationId = "putContactMethods", summary = "Set how a clinician is woken", description = "The clinician, "
            + "an admin, or a coordinator of a center the clinician belongs to. Replaces the methods: 1 to 10 of { type: "
            + "EMAIL|SMS|VOICE, address (an email, or an E.164 number for SMS and VOICE), delaySeconds 0-3600 }. When a level "
            + "pages the clinician each method fires after its delay unless the alert is acknowledged first. 400 for a "
            + "malformed list; 422 when none fires at once (delaySeconds 0), an address does not fit its type, or a type and "
            + "address repeat. Pages use the change within seconds.")
    @APIResponse(responseCode = "200", description = "The methods as saved", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Recipient.Contact.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Methods that would not reach the clinician", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<Recipient.Contact>> put(@PathParam("clinicianId") UUID clinicianId,
            @Valid @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull ContactMethodRequest> methods) {
        return service.replace(clinicianId, methods, caller).call(saved -> clinicians.centersOf(clinicianId)
                .invoke(centers -> centers.forEach(changes::changed)));
    }
}
