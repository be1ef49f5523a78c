package org.cartcompanion.careteam.center.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.cartcompanion.careteam.center.CenterWebhook;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A saved webhook; {@code secret} only in the answer that made it (it is never shown again). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookResponse(UUID id, String url, List<String> events, String format, String secret, Instant createdAt) {

    public static WebhookResponse of(CenterWebhook hook, boolean withSecret) {
        return new WebhookResponse(hook.id, hook.url, hook.eventList(), hook.format, withSecret ? hook.secret : null,
                hook.createdAt);
    }
}
