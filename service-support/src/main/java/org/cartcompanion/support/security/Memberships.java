package org.cartcompanion.support.security;

import java.util.List;
import java.util.UUID;

/**
 * Where a user belongs, as care-team-service answers {@code GET /internal/v1/subjects/{subject}/memberships} and the other
 * services read it: at which centers, with which membership role (COORDINATOR, PHYSICIAN, NURSE, COMMUNITY_PHYSICIAN).
 */
public record Memberships(String subject, UUID clinicianId, List<Membership> memberships) {

    /** {@code staff} is false for a community physician, who is known to the center without being one of its staff. */
    public record Membership(UUID centerId, String role, boolean staff) {
    }

    public static Memberships none(String subject) {
        return new Memberships(subject, null, List.of());
    }

    public boolean isStaffOf(UUID centerId) {
        return memberships != null && memberships.stream().anyMatch(m -> m.staff() && m.centerId().equals(centerId));
    }

    /** The subject's membership role at the center, or null. */
    public String roleAt(UUID centerId) {
        return memberships == null ? null
                : memberships.stream().filter(m -> m.centerId().equals(centerId)).map(Membership::role).findFirst()
                        .orElse(null);
    }

    /** Every center that knows the subject, as staff or as a community physician. */
    public List<UUID> knownAt() {
        return memberships == null ? List.of() : memberships.stream().map(Membership::centerId).distinct().toList();
    }

    /** The centers where the subject is staff. */
    public List<UUID> staffCenters() {
        return memberships == null ? List.of()
                : memberships.stream().filter(Membership::staff).map(Membership::centerId).distinct().toList();
    }
}
