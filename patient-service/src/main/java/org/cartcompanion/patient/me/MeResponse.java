package org.cartcompanion.patient.me;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.cartcompanion.patient.timeline.Phase;

/** {@code GET /api/v1/me}: who the caller is and the patients they may act for. */
public record MeResponse(String subject, List<String> roles, List<MePatient> patients) {

    public record MePatient(UUID id, String displayName, long dayPostInfusion, Phase phase, Instant nextCheckInDue,
            Center center) {
    }

    /** How to reach the patient's center; null fields when care-team-service does not know it. */
    public record Center(String name, String phone) {
    }
}
