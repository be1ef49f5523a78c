package org.cartcompanion.alert.notification.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cartcompanion.alert.notification.service.TestPages;
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

/** A clinician pages themselves to check how they are woken. */
@Path("/api/v1/test-pages")
@Tag(name = "Paging by phone")
public class TestPageResource {

    private final TestPages pages;
    private final Caller caller;

    public TestPageResource(TestPages pages, Caller caller) {
        this.pages = pages;
        this.caller = caller;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CLINICIAN, Roles.COORDINATOR, Roles.COMMUNITY_PHYSICIAN })
    @Operation(operationId = "sendTestPage", summary = "Send yourself a test page", description = "A clinician, coordinator "
            + "or community physician known to a center. Every contact method the caller chose (care-team-service) is sent a "
            + "test page at once, whatever its delay; the answer says per method SENT, NOT_CONFIGURED (the deployment cannot "
            + "send that channel) or FAILED with the channel's words (an invalid number, say). No alert is made. 404 when "
            + "the caller is not a clinician of any center; 429 for a second test within a minute; 503 when care-team-service "
            + "cannot say who the caller is.")
    @APIResponse(responseCode = "200", description = "How each method went", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TestPages.Result.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a clinician's role", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a clinician of any center", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "A test page was sent less than a minute ago", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "care-team-service cannot answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<TestPages.Result>> send() {
        return pages.send(caller);
    }
}
