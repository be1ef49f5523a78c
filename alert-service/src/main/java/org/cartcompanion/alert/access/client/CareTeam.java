package org.cartcompanion.alert.access.client;

import java.util.List;
import java.util.UUID;

/** A patient's care team as care-team-service keeps it. */
public record CareTeam(UUID patientId, UUID centerId, String phase, List<Member> members) {

    public record Member(UUID clinicianId, String subject, String role) {
    }

    public static CareTeam none(UUID patientId) {
        return new CareTeam(patientId, null, null, List.of());
    }

    public boolean names(UUID clinicianId) {
        return clinicianId != null && members != null && members.stream().anyMatch(m -> clinicianId.equals(m.clinicianId()));
    }
}
