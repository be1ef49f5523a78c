package org.cartcompanion.alert.notification.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cartcompanion.alert.alert.Alert;
import org.cartcompanion.alert.notification.service.AckLinkService;
import org.cartcompanion.alert.notification.service.AlertLinks;
import org.cartcompanion.support.audit.AuditedPatient;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** The page behind the acknowledge link of an email. The signed token is the credential; no login is needed. */
@Path("/api/v1/alerts/ack-links/{token}")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Alerts")
@PermitAll
@SecurityRequirements
public class AckLinkResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(String title, String message, Alert alert, boolean confirm, String consoleUrl);
    }

    private final AckLinkService service;
    private final AlertLinks links;
    private final AuditedPatient audited;

    public AckLinkResource(AckLinkService service, AlertLinks links, AuditedPatient audited) {
        this.audited = audited;
        this.service = service;
        this.links = links;
    }

    @GET
    @Operation(operationId = "openAckLink", summary = "Open an acknowledge link", description = "No login: the signed token "
            + "of the link is the credential. An HTML page with the alert and an Acknowledge button, or the alert's current "
            + "state; it changes nothing, because mail scanners open links. 400 for a forged or damaged link, 410 for an "
            + "expired or already used one.")
    @APIResponse(responseCode = "200", description = "The alert and an Acknowledge button, or its current state", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "400", description = "A forged or damaged link", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "403", description = "The recipient no longer belongs to the alert's center", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "410", description = "An expired or already used link", content = @Content(mediaType = MediaType.TEXT_HTML))
    public Uni<Response> open(@PathParam("token") String token) {
        return service.open(token).map(this::render);
    }

    @POST
    @Operation(operationId = "acknowledgeByLink", summary = "Acknowledge through an email link", description = "No login: the "
            + "signed token of the link is the credential, good once. Acknowledges the alert for the person the link was sent "
            + "to, so the escalation stops, and answers an HTML page; an alert already acknowledged or resolved is left as it "
            + "is. 400 for a forged or damaged link, 410 for an expired or already used one; nothing changes then.")
    @APIResponse(responseCode = "200", description = "Acknowledged, or the alert's current state", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "400", description = "A forged or damaged link; nothing changed", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "403", description = "The recipient no longer belongs to the alert's center; nothing changed", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "410", description = "An expired or already used link; nothing changed", content = @Content(mediaType = MediaType.TEXT_HTML))
    public Uni<Response> acknowledge(@PathParam("token") String token) {
        return service.acknowledge(token).map(this::render);
    }

    private Response render(AckLinkService.Result result) {
        Alert alert = result.alert();
        if (alert != null) {
            audited.is(alert.patientId);
        }
        String console = alert == null ? links.console() : links.console(alert.id);
        String who = alert == null ? null : alert.acknowledger();
        return switch (result.outcome()) {
        case CONFIRM -> page(200, "Acknowledge this CAR-T alert?",
                "You were paged for this patient. Press the button to tell the team you are taking it.", alert, true,
                console);
        case ACKNOWLEDGED -> page(200, "Acknowledged",
                "Thank you. The escalation has stopped. Please call the patient now and resolve the alert with an "
                        + "outcome in the console.",
                alert, false, console);
        case ALREADY_ACKNOWLEDGED -> page(200, "Already acknowledged",
                "This alert was already acknowledged by " + who + ". Nothing was changed.", alert, false, console);
        case RESOLVED -> page(200, "Already resolved", "This alert is resolved. Nothing was changed.", alert, false,
                console);
        case INVALID -> page(400, "This link is not valid",
                "The acknowledge link is damaged or was not issued by CAR-T Companion. Nothing was changed. Open the "
                        + "console to see your alerts.",
                null, false, console);
        case EXPIRED -> page(410, "This link has expired",
                "Acknowledge links work for a limited time. Nothing was changed. Open the console to see the alert.",
                null, false, console);
        case REVOKED -> page(403, "This link no longer works for you",
                "You no longer belong to this center's care team, so you cannot acknowledge its alerts. Nothing was "
                        + "changed; the escalation goes on to the people on call.",
                null, false, console);
        case USED -> page(410, "This link was already used",
                "Each acknowledge link works once. Nothing was changed. Open the console to see the alert.", null,
                false, console);
        };
    }

    private static Response page(int status, String title, String message, Alert alert, boolean confirm, String console) {
        return Response.status(status).entity(Templates.page(title, message, alert, confirm, console).render())
                .type(MediaType.TEXT_HTML_TYPE).header("Cache-Control", "no-store").build();
    }
}
