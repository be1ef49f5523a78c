package org.cartcompanion.alert.access.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * care-team-service's paging directory of a center: its contact, each on-call tier's holders over [from, until), and the
 * clinicians it knows.
 */
public record PagingDirectory(UUID centerId, String name, String timeZone, String phone, String hotlineEmail, Instant from,
        Instant until, List<Turn> onCall, List<Recipient> clinicians) {

    /** One holder of a tier over [start, end). */
    public record Turn(String tier, Instant start, Instant end, Recipient recipient) {
    }

    /** One page of {@code GET /internal/v1/paging-directories}. */
    public record Page(List<PagingDirectory> items, String nextCursor) {
    }
}
