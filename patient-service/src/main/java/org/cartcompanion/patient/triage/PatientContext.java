package org.cartcompanion.patient.triage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.cartcompanion.patient.patient.Disease;
import org.cartcompanion.patient.patient.Product;

/**
 * Everything about the patient that triage needs, gathered by the caller.
 *
 * @param today
 *            the patient's local date when the check-in was recorded
 * @param ageYears
 *            null when the birth year is unknown
 * @param recentTemperatures
 *            earlier readings (newest first is not required) from the last few hours, for the "second reading" and "sustained
 *            for 1 h" rules
 * @param centerPhone
 *            the number the patient is told to call
 */
public record PatientContext(Product product, Disease disease, LocalDate infusionDate, LocalDate secondDoseDate,
        LocalDate today, Integer ageYears, ClinicalStatus status, List<Reading> recentTemperatures, String centerPhone) {

    /** An earlier temperature, already in °C. */
    public record Reading(Instant at, double celsius) {
    }

    public PatientContext {
        status = status == null ? ClinicalStatus.UNKNOWN : status;
        recentTemperatures = recentTemperatures == null ? List.of() : List.copyOf(recentTemperatures);
    }
}
