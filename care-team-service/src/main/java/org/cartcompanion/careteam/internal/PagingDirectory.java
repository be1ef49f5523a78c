package org.cartcompanion.careteam.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.cartcompanion.careteam.clinician.Recipient;

/**
 * What alert-service keeps to page a center on its own while this service cannot answer: the center's contact, who holds each
 * on-call tier over [from, until), the clinicians the center knows (for policies naming one), and where its alert events go.
 */
public record PagingDirectory(UUID centerId, String name, String timeZone, String phone, String hotlineEmail,
        Instant from, Instant until, List<Turn> onCall, List<Recipient> clinicians, List<Webhook> webhooks) {

    /** One of the center's webhooks, with the secret alert-service signs its events with. */
    public record Webhook(UUID id, String url, List<String> events, String format, String secret) {
    }

    /** One holder of a tier over [start, end). */
    public record Turn(String tier, Instant start, Instant end, Recipient recipient) {
    }
}
