package org.cartcompanion.patient.triage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.cartcompanion.patient.patient.Disease;
import org.cartcompanion.patient.patient.Product;

/**
 * Everything about the patient that triage needs, gathered by the caller.
 *
 * @param today
 *            the patient's local date when the check-in was recorded
 * @param ageYears
 *            null when the birth year is unknown
 * @param earlier
 *            the patient's earlier check-ins of the last day (any order), for the "second reading", "sustained for 1 h" and
 *            "the same symptom again hours later" rules
 * @param ancHistory
 *            earlier ANC results (any order), for "ANC below 1000 and falling"; the current one is in {@code status}
 * @param infections
 *            the patient's recorded infections, for M5's "two sinopulmonary infections in six months"
 * @param centerPhone
 *            the number the patient is told to call
 */
public record PatientContext(Product product, Disease disease, LocalDate infusionDate, LocalDate secondDoseDate,
        LocalDate today, Integer ageYears, ClinicalStatus status, List<Earlier> earlier, List<LabValue> ancHistory,
        List<PastInfection> infections, String centerPhone) {

    /** An earlier check-in: when, its temperature in °C (null when none was taken) and its symptom codes. */
    public record Earlier(Instant at, Double celsius, Set<Symptom> symptoms) {

        public Earlier {
            symptoms = Collections.unmodifiableSet(
                    symptoms == null || symptoms.isEmpty() ? EnumSet.noneOf(Symptom.class) : EnumSet.copyOf(symptoms));
        }
    }

    /** A dated lab result. */
    public record LabValue(LocalDate date, int value) {
    }

    /**
     * A recorded infection as M5 counts it.
     *
     * @param sinopulmonary
     *            a respiratory (upper or lower) or sinus site
     * @param repeatOfAnother
     *            marked as the same infection as another record (not counted again)
     */
    public record PastInfection(LocalDate diagnosisDate, boolean sinopulmonary, boolean repeatOfAnother) {
    }

    public PatientContext {
        status = status == null ? ClinicalStatus.UNKNOWN : status;
        earlier = earlier == null ? List.of() : List.copyOf(earlier);
        ancHistory = ancHistory == null ? List.of() : List.copyOf(ancHistory);
        infections = infections == null ? List.of() : List.copyOf(infections);
    }
}
