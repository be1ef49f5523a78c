package org.cartcompanion.patient.triage;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a patient or caregiver reported, as the triage engine reads it. Every field but {@code recordedAt} may be absent;
 * absence is "not reported", never "normal".
 *
 * @param antipyreticLast6h
 *            fever medicine (acetaminophen, NSAID) or a steroid in the last 6 h; null when the question was not answered
 * @param stoolsAboveBaseline
 *            loose stools in the last 24 h above the patient's usual
 * @param iceScore
 *            the caregiver-administered home ICE-style check, 0–10
 */
public record CheckIn(Instant recordedAt, Temperature temperature, Boolean antipyreticLast6h, Vitals vitals,
        Set<Symptom> symptoms, Integer stoolsAboveBaseline, Integer iceScore) {

    public CheckIn {
        vitals = vitals == null ? Vitals.NONE : vitals;
        symptoms = Collections.unmodifiableSet(
                symptoms == null || symptoms.isEmpty() ? EnumSet.noneOf(Symptom.class) : EnumSet.copyOf(symptoms));
    }

    public boolean has(Symptom symptom) {
        return symptoms.contains(symptom);
    }
}
