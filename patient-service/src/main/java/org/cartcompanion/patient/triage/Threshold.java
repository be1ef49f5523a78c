package org.cartcompanion.patient.triage;

/**
 * The numeric thresholds of the default rule set (clinical-rules.md §2–§4), with their defaults and the range within which a
 * center may override them. Ids are stable: overrides are stored by name.
 */
public enum Threshold {
    FEVER_C(38.0, 37.5, 38.5, "°C", "a single reading at or above this is fever"),
    HIGH_FEVER_C(38.3, 38.0, 39.0, "°C", "a single reading at or above this is fever in P4–P5 without a second reading"),
    BORDERLINE_C(37.5, 37.0, 38.0, "°C", "low-grade temperature: recheck"),
    LOW_TEMP_C(36.0, 35.0, 36.5, "°C", "below this, with feeling unwell, is a low-temperature alarm"),
    SPO2_EMERGENCY(90, 85, 92, "%", "SpO₂ below this at rest is an emergency (E3)"),
    SPO2_LOW(94, 90, 96, "%", "SpO₂ below this is low (CENTER_NOW)"),
    SBP_EMERGENCY(80, 70, 90, "mmHg", "systolic BP below this is an emergency (E4)"),
    SBP_LOW(90, 80, 100, "mmHg", "systolic BP below this is low (CENTER_NOW; E4 with confusion)"),
    HEART_RATE_HIGH(120, 100, 140, "/min", "resting heart rate above this is high (CENTER_NOW)"),
    RESP_RATE_HIGH(22, 18, 28, "/min", "respiratory rate at or above this is high (CENTER_NOW)"),
    RESP_RATE_EMERGENCY(30, 24, 40, "/min", "respiratory rate at or above this is an emergency (E3)"),
    ANC_NEUTROPENIC(500, 500, 1500, "/µL", "ANC below this is neutropenia (M1)"),
    ANC_PROFOUND(100, 100, 500, "/µL", "ANC below this is profound neutropenia (M2)"),
    ANC_STALE_DAYS(7, 1, 14, "days", "an ANC older than this early after infusion counts as unknown"),
    NEUTROPENIC_UNKNOWN_UNTIL_DAY(30, 30, 100, "day", "until this day an unknown or stale ANC counts as neutropenic"),
    BCMA_NEUTROPENIC_UNKNOWN_UNTIL_DAY(100, 30, 365, "day", "the same for BCMA products (M7)"),
    PLATELETS_BLEEDING(50_000, 20_000, 100_000, "/µL", "bleeding below this platelet count is an emergency (E6)"),
    IGG_LOW(400, 300, 600, "mg/dL", "IgG below this without recent IVIG raises respiratory rows (M5)"),
    IVIG_RECENT_DAYS(28, 14, 42, "days", "IVIG within this many days counts as replaced (M5)"),
    CD4_LOW(200, 100, 350, "/µL", "CD4 below this is an opportunistic-infection risk (M9)"),
    STEROID_RECENT_DAYS(14, 7, 30, "days", "systemic steroids within this many days (M3)"),
    TOCILIZUMAB_RECENT_DAYS(14, 7, 30, "days", "tocilizumab or another anti-cytokine within this many days (M4)"),
    TOCI_HEART_RATE(110, 90, 130, "/min", "heart rate above this is fever-equivalent after tocilizumab (M4)"),
    TOCI_SBP(100, 90, 110, "mmHg", "systolic BP below this is fever-equivalent after tocilizumab (M4)"),
    AGE_FRAIL(75, 65, 90, "years", "age at or above this raises fever and GI rows (M14)"),
    TRAVEL_MINUTES(60, 15, 240, "min", "travel time above this adds the nearest-ED branch (M13)"),
    DIARRHEA_SEVERE(7, 5, 10, "stools/day", "stools above baseline at or above this are severe"),
    DIARRHEA_MODERATE(4, 2, 6, "stools/day", "stools above baseline at or above this are moderate"),
    OBE_CEL_ACUTE_DAYS_AFTER_SECOND_DOSE(14, 14, 28, "days", "obe-cel: P1 stays open this long after the second dose"),
    OBE_CEL_ASSUMED_SECOND_DOSE_DAY(12, 8, 14, "day", "obe-cel: the second dose day assumed when it is not recorded"),
    CILTA_CEL_ACUTE_UNTIL_DAY(28, 14, 42, "day", "cilta-cel: fever and neuro rules use P1 until this day"),
    BCMA_DELAYED_NEURO_UNTIL_DAY(365, 100, 730, "day", "BCMA: delayed-neuro watch lasts until this day (M7)");

    private final double defaultValue;
    private final double min;
    private final double max;
    private final String unit;
    private final String description;

    Threshold(double defaultValue, double min, double max, String unit, String description) {
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.unit = unit;
        this.description = description;
    }

    public double defaultValue() {
        return defaultValue;
    }

    /** The lowest value a center may set. */
    public double min() {
        return min;
    }

    /** The highest value a center may set. */
    public double max() {
        return max;
    }

    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }
}
