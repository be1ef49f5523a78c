package org.cartcompanion.alert.access.client;

import java.util.List;
import java.util.UUID;

/** Which centers a subject belongs to, and as what; {@code staff} is false for community physicians. */
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

    /** Every center that knows the subject, as staff or as a community physician. */
    public List<UUID> knownAt() {
        return memberships == null ? List.of() : memberships.stream().map(Membership::centerId).distinct().toList();
    }

    public List<UUID> staffCenters() {
        return memberships == null ? List.of()
                : memberships.stream().filter(Membership::staff).map(Membership::centerId).distinct().toList();
    }
}
