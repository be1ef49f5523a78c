package org.cartcompanion.careteam.internal;

import java.util.UUID;

/** {@code GET /internal/v1/centers/{id}}: how patients and the fallback reach a center. */
public record CenterContact(UUID id, String name, String timeZone, String phone, String hotlineEmail) {
}
