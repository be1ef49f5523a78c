package org.cartcompanion.patient.access.client;

import java.util.List;
import java.util.UUID;

/**
 * The centers a user belongs to, as care-team-service knows them. {@code staff} is false for a community physician, who is
 * known to a center without being one of its staff.
 */
public record Memberships(String subject, UUID clinicianId, List<Membership> memberships) {

    public record Membership(UUID centerId, String role, boolean staff) {
    }

    public static Memberships none(String subject) {
        return new Memberships(subject, null, List.of());
    }

    public boolean isStaffOf(UUID centerId) {
        return memberships != null && memberships.stream().anyMatch(m -> m.staff() && m.centerId().equals(centerId));
    }

    /** The subject's membership role at the center (COORDINATOR, PHYSICIAN, NURSE, COMMUNITY_PHYSICIAN), or null. */
    public String roleAt(UUID centerId) {
        return memberships == null ? null
                : memberships.stream().filter(m -> m.centerId().equals(centerId)).map(Membership::role).findFirst()
                        .orElse(null);
    }
}
