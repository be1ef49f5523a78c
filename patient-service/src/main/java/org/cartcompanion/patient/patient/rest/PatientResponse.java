package org.cartcompanion.patient.patient.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.cartcompanion.patient.patient.Disease;
import org.cartcompanion.patient.patient.Language;
import org.cartcompanion.patient.patient.Patient;
import org.cartcompanion.patient.patient.PatientStatus;
import org.cartcompanion.patient.patient.Product;
import org.cartcompanion.patient.timeline.Phase;
import org.cartcompanion.patient.timeline.Timeline;
import org.cartcompanion.patient.triage.Phases;

/** A patient as the API shows it, with the day after infusion on the patient's local date. */
public record PatientResponse(UUID id, UUID centerId, String subject, String displayName, int birthYear,
        String timeZone, LocalDate infusionDate, LocalDate secondDoseDate, Product product, Disease disease,
        String externalId, String phone, String email, Language language, long dayPostInfusion, Phase phase,
        Instant createdAt, Instant updatedAt, PatientStatus status, String statusReason, Instant statusChangedAt) {

    public static PatientResponse of(Patient p, Instant now) {
        LocalDate today = Timeline.localDate(now, ZoneId.of(p.timeZone));
        long day = Timeline.dayPostInfusion(p.infusionDate, today);
        return new PatientResponse(p.id, p.centerId, p.subject, p.displayName, p.birthYear, p.timeZone, p.infusionDate,
                p.secondDoseDate, p.product, p.disease, p.externalId, p.phone, p.email, p.language, day,
                Phases.of(p.product, p.infusionDate, p.secondDoseDate, today), p.createdAt, p.updatedAt, p.status,
                p.statusReason, p.statusChangedAt);
    }
}
