package org.cartcompanion.patient.triage;

/** Home vital signs, each null when not measured. */
public record Vitals(Integer spo2, Integer heartRate, Integer systolicBp, Integer respiratoryRate) {

    public static final Vitals NONE = new Vitals(null, null, null, null);
}
