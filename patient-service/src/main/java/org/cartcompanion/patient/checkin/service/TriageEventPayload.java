package org.cartcompanion.patient.checkin.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.cartcompanion.patient.patient.Patient;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of {@code POST /internal/v1/triage-events} on alert-service (API.md), plus what the clinician's page and the
 * patient's alert status need: the product, the patient's phone, language and time zone, and the number the patient was told to
 * call.
 */
// Written and read with Jackson by hand (stored as JSON), so the native image must keep its accessors.
@RegisterForReflection
public record TriageEventPayload(UUID eventId, UUID patientId, UUID centerId, UUID checkInId, String disposition,
        List<String> firedRules, int dayPostInfusion, String phase, String summary, Instant occurredAt, String product,
        String patientPhone, String language, String centerPhone, String timeZone) {

    public static TriageEventPayload of(UUID eventId, Patient patient, UUID checkInId, String disposition,
            List<String> firedRules, int dayPostInfusion, String phase, String summary, Instant occurredAt,
            String centerPhone) {
        return new TriageEventPayload(eventId, patient.id, patient.centerId, checkInId, disposition, firedRules,
                dayPostInfusion, phase, summary, occurredAt, patient.product == null ? null : patient.product.name(),
                patient.phone, patient.language == null ? null : patient.language.code(), centerPhone, patient.timeZone);
    }
}
