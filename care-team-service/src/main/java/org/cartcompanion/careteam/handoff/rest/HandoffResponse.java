package org.cartcompanion.careteam.handoff.rest;

import java.time.Instant;
import java.util.UUID;

import org.cartcompanion.careteam.clinician.Recipient;
import org.cartcompanion.careteam.handoff.ClinicalSummary;
import org.cartcompanion.careteam.handoff.HandoffStatus;
import org.cartcompanion.careteam.team.CarePhase;

/** A hand-off as the sender's center and the receiver see it; {@code expiresAt} is when a pending one lapses. */
public record HandoffResponse(UUID id, UUID patientId, UUID centerId, Recipient to, CarePhase fromPhase,
        CarePhase toPhase, HandoffStatus status, String summary, ClinicalSummary clinicalSummary, String declineReason,
        String createdBy, Instant createdAt, Instant remindedAt, Instant expiresAt, String decidedBy, Instant decidedAt) {
}
