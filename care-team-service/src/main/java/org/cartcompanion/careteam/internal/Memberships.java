package org.cartcompanion.careteam.internal;

import java.util.List;
import java.util.UUID;

/** {@code GET /internal/v1/subjects/{subject}/memberships}: where a user belongs. */
public record Memberships(String subject, UUID clinicianId, List<Membership> memberships) {

    /** {@code staff} is false for a community physician known to the center. */
    public record Membership(UUID centerId, String role, boolean staff) {
    }
}
