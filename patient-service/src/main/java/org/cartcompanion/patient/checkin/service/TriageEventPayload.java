package org.cartcompanion.patient.checkin.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The body of {@code POST /internal/v1/triage-events} on alert-service (API.md). */
public record TriageEventPayload(UUID eventId, UUID patientId, UUID centerId, UUID checkInId, String disposition,
        List<String> firedRules, int dayPostInfusion, String phase, String summary, Instant occurredAt) {
}
