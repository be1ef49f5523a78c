package org.cartcompanion.alert.access.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * care-team-service's paging directory of a center: its contact, each on-call tier's holders over [from, until), and the
 * clinicians it knows, and its webhooks.
 */
public record PagingDirectory(UUID centerId, String name, String timeZone, String phone, String hotlineEmail, Instant from,
        Instant until, List<Turn> onCall, List<Recipient> clinicians, List<Webhook> webhooks) {

    /** One of the center's webhooks: where its alert events go, which, in which shape, and the secret they are signed with. */
    public record Webhook(UUID id, String url, List<String> events, String format, String secret) {
    }

    /** One holder of a tier over [start, end). */
    public record Turn(String tier, Instant start, Instant end, Recipient recipient) {
    }

    /** One page of {@code GET /internal/v1/paging-directories}. */
    public record Page(List<PagingDirectory> items, String nextCursor) {
    }
}
