package org.cartcompanion.careteam.internal;

import java.util.List;
import java.util.UUID;

/** {@code GET /internal/v1/care-teams/{patientId}}: who shares a patient's care, by IdP subject. */
public record CareTeamMembers(UUID patientId, UUID centerId, String phase, List<Member> members) {

    public record Member(UUID clinicianId, String subject, String role) {
    }
}
