package org.cartcompanion.patient.patient.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.cartcompanion.patient.clinical.ClinicalStatusRecord;
import org.cartcompanion.patient.patient.Patient;
import org.cartcompanion.patient.patient.Product;
import org.cartcompanion.patient.timeline.Phase;

/**
 * {@code GET /internal/v1/patients/{id}}: what care-team-service needs to check a care team's center, to time hand-offs and to
 * write a hand-off's clinical summary.
 */
public record InternalPatientResponse(UUID id, UUID centerId, String displayName, String timeZone, LocalDate infusionDate,
        LocalDate secondDoseDate, Product product, long dayPostInfusion, Phase phase, Clinical clinicalStatus) {

    /** The parts of the clinical status a receiving physician reads before accepting a hand-off; null when unknown. */
    public record Clinical(Integer ancPerUl, LocalDate ancDate, Integer iggMgDl, LocalDate iggDate, LocalDate ivigLastDate,
            Integer cd4PerUl, Boolean antibacterialProphylaxis, Boolean antiviralProphylaxis, Boolean pjpProphylaxis,
            Boolean antifungalProphylaxis) {

        static Clinical of(ClinicalStatusRecord c) {
            return c == null ? null
                    : new Clinical(c.ancPerUl, c.ancDate, c.iggMgDl, c.iggDate, c.ivigLastDate, c.cd4PerUl,
                            c.prophylaxisAntibacterial, c.prophylaxisAntiviral, c.prophylaxisPjp, c.prophylaxisAntifungal);
        }
    }

    public static InternalPatientResponse of(Patient p, ClinicalStatusRecord clinical, Instant now) {
        PatientResponse shown = PatientResponse.of(p, now);
        return new InternalPatientResponse(p.id, p.centerId, p.displayName, p.timeZone, p.infusionDate, p.secondDoseDate,
                p.product, shown.dayPostInfusion(), shown.phase(), Clinical.of(clinical));
    }
}
