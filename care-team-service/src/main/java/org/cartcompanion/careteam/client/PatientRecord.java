package org.cartcompanion.careteam.client;

import java.time.LocalDate;
import java.util.UUID;

/** patient-service's {@code GET /internal/v1/patients/{id}}: the facts this service needs about a patient. */
public record PatientRecord(UUID id, UUID centerId, String displayName, String timeZone, LocalDate infusionDate,
        LocalDate secondDoseDate, String product, long dayPostInfusion, String phase, Clinical clinicalStatus) {

    /** The clinical facts a hand-off summary carries; null when unknown. */
    public record Clinical(Integer ancPerUl, LocalDate ancDate, Integer iggMgDl, LocalDate iggDate, LocalDate ivigLastDate,
            Integer cd4PerUl, Boolean antibacterialProphylaxis, Boolean antiviralProphylaxis, Boolean pjpProphylaxis,
            Boolean antifungalProphylaxis) {
    }
}
