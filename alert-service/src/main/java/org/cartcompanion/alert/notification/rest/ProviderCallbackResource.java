package org.cartcompanion.alert.notification.rest;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.cartcompanion.alert.notification.sms.PagedReplies;
import org.cartcompanion.alert.notification.sms.ProviderSignature;
import org.cartcompanion.support.audit.AuditedPatient;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/**
 * What the SMS and voice provider posts back: a clinician's SMS reply and the key pressed on a page's call. No token: the
 * provider's signature ({@code X-Twilio-Signature}) over the configured public URL and the form is the credential; anything
 * unsigned or signed wrongly is 403 and changes nothing. Answers are TwiML.
 */
@Path("/api/v1")
@Tag(name = "Paging by phone")
@PermitAll
@SecurityRequirements
public class ProviderCallbackResource {

    static final String SIGNATURE = "X-Twilio-Signature";
    private static final String TWIML = "application/xml";

    private final PagedReplies replies;
    private final ProviderSignature signature;
    private final AuditedPatient audited;

    public ProviderCallbackResource(PagedReplies replies, ProviderSignature signature, AuditedPatient audited) {
        this.replies = replies;
        this.signature = signature;
        this.audited = audited;
    }

    @POST
    @Path("/sms/inbound")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(TWIML)
    @Operation(operationId = "receiveSms", summary = "An SMS reply from a paged phone", description = "Posted by the SMS "
            + "provider (form-encoded From, Body and the provider's other fields), signed with X-Twilio-Signature: base64 "
            + "HMAC-SHA1, keyed with alert.sms.auth-token, of alert.sms.inbound-url followed by each form parameter's name and "
            + "value sorted by name. A body holding the code of an alert that paged the From number acknowledges it as that "
            + "clinician and answers a TwiML Message confirming it; anything else answers a short help Message and changes "
            + "nothing. 403 when the signature is missing or wrong (or SMS is not configured); nothing changes then.")
    @APIResponse(responseCode = "200", description = "TwiML: the confirmation or a help message", content = @Content(mediaType = TWIML))
    @APIResponse(responseCode = "403", description = "Not signed by the provider; nothing changed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> sms(@HeaderParam(SIGNATURE) String signed, MultivaluedMap<String, String> form) {
        MultivaluedMap<String, String> fields = fields(form);
        if (!signature.valid(signature.inboundUrl(), fields, signed)) {
            return Uni.createFrom().failure(unsigned());
        }
        return replies.sms(fields.getFirst("MessageSid"), fields.getFirst("From"), fields.getFirst("Body"))
                .map(reply -> twiml(reply, "<Message>" + xml(reply.text()) + "</Message>"));
    }

    @POST
    @Path("/voice/gather")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(TWIML)
    @Operation(operationId = "receiveCallKey", summary = "The key pressed on a page's call", description = "Posted by the "
            + "provider when the clinician called for a page pressed a key (form-encoded Digits and the provider's other "
            + "fields), signed like an inbound SMS over the voice URL with its notification parameter. 1 acknowledges the "
            + "alert as that clinician; the answer is TwiML the call says. 403 when the signature is missing or wrong; "
            + "nothing changes then.")
    @APIResponse(responseCode = "200", description = "TwiML the call says", content = @Content(mediaType = TWIML))
    @APIResponse(responseCode = "403", description = "Not signed by the provider; nothing changed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> call(@QueryParam("notification") String notification, @HeaderParam(SIGNATURE) String signed,
            MultivaluedMap<String, String> form) {
        MultivaluedMap<String, String> fields = fields(form);
        UUID id = uuid(notification);
        if (id == null || !signature.valid(signature.voiceUrl().map(u -> u + "?notification=" + notification), fields,
                signed)) {
            return Uni.createFrom().failure(unsigned());
        }
        return replies.call(fields.getFirst("CallSid"), id, fields.getFirst("Digits"))
                .map(reply -> twiml(reply, "<Say>" + xml(reply.text()) + "</Say>"));
    }

    private Response twiml(PagedReplies.Reply reply, String verb) {
        if (reply.patientId() != null) {
            audited.is(reply.patientId());
        }
        return Response.ok("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + verb + "</Response>", TWIML)
                .header("Cache-Control", "no-store").build();
    }

    private static MultivaluedMap<String, String> fields(MultivaluedMap<String, String> form) {
        return form == null ? new MultivaluedHashMap<>() : form;
    }

    private static ProblemException unsigned() {
        return ProblemException.forbidden("The request is not signed by the SMS provider.");
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
