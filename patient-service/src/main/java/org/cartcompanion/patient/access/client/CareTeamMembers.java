package org.cartcompanion.patient.access.client;

import java.util.List;
import java.util.UUID;

/** {@code GET /internal/v1/care-teams/{patientId}} on care-team-service: who shares this patient's care. */
public record CareTeamMembers(UUID patientId, UUID centerId, String phase, List<Member> members) {

    public record Member(UUID clinicianId, String subject, String role) {
    }

    public static CareTeamMembers none(UUID patientId) {
        return new CareTeamMembers(patientId, null, null, List.of());
    }

    /** True when the team names this subject in this role. */
    public boolean names(String subject, String role) {
        return members != null && members.stream().anyMatch(m -> subject.equals(m.subject()) && role.equals(m.role()));
    }
}
