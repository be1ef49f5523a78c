package org.cartcompanion.patient.triage;

/** A measured temperature as reported: value, unit and how it was taken. */
public record Temperature(double value, Unit unit, Method method) {

    public enum Unit {
        C, F
    }

    public enum Method {
        ORAL, AXILLARY, TEMPORAL, TYMPANIC, WEARABLE;

        /** Oral is the reference; other sites read lower or less reliably (clinical-rules.md §2.1). */
        public boolean isReference() {
            return this == ORAL;
        }
    }

    public Temperature {
        if (unit == null) {
            throw new IllegalArgumentException("unit is required");
        }
        if (method == null) {
            method = Method.ORAL;
        }
    }

    /** The value in °C, rounded to 0.01 so that 100.4 °F compares as 38.0 °C. */
    public double celsius() {
        double c = unit == Unit.C ? value : (value - 32.0) * 5.0 / 9.0;
        return Math.round(c * 100.0) / 100.0;
    }
}
