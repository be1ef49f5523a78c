package org.cartcompanion.patient.triage;

import static org.cartcompanion.patient.triage.Threshold.Stricter.HIGHER;
import static org.cartcompanion.patient.triage.Threshold.Stricter.LOWER;

/**
 * The numeric thresholds of the default rule set (clinical-rules.md §2–§4, §10), with their defaults, the range within which a
 * center may override them, and which way is stricter: a center may make a rule stricter on its own, but loosening one needs
 * its medical lead's named approval (§10.4). Ids are stable: overrides are stored by name.
 */
public enum Threshold {
    FEVER_C(38.0, 37.5, 38.5, LOWER, "°C", "a single reading at or above this is fever"),
    HIGH_FEVER_C(38.3, 38.0, 39.0, LOWER, "°C", "a single reading at or above this is fever in P4–P5 without a second reading"),
    BORDERLINE_C(37.5, 37.0, 38.0, LOWER, "°C", "low-grade temperature: recheck"),
    LOW_TEMP_C(36.0, 35.0, 36.5, HIGHER, "°C", "below this, with feeling unwell, is a low-temperature alarm"),
    SPO2_EMERGENCY(90, 85, 92, HIGHER, "%", "SpO₂ below this at rest is an emergency (E3)"),
    SPO2_LOW(94, 90, 96, HIGHER, "%", "SpO₂ below this is low (CENTER_NOW; breathing trouble for E9)"),
    SPO2_BASELINE_DROP(3, 2, 5, LOWER, "points",
            "SpO₂ this many points or more below the patient's baseline is low (CENTER_NOW)"),
    SBP_EMERGENCY(80, 70, 90, HIGHER, "mmHg", "systolic BP below this is an emergency (E4)"),
    SBP_LOW(90, 80, 100, HIGHER, "mmHg", "systolic BP below this is low (CENTER_NOW; E4 with confusion or cold clammy skin)"),
    SBP_BASELINE_DROP(30, 20, 40, LOWER, "mmHg",
            "systolic BP more than this below the patient's baseline is low (CENTER_NOW)"),
    HEART_RATE_HIGH(120, 100, 140, LOWER, "/min", "resting heart rate above this is high (CENTER_NOW)"),
    RESP_RATE_HIGH(22, 18, 28, LOWER, "/min", "respiratory rate at or above this is high (CENTER_NOW)"),
    RESP_RATE_WEAKNESS(24, 18, 28, LOWER, "/min", "respiratory rate at or above this is breathing trouble with weakness (E9)"),
    RESP_RATE_EMERGENCY(30, 24, 40, LOWER, "/min", "respiratory rate at or above this is an emergency (E3)"),
    ANC_NEUTROPENIC(500, 500, 1500, HIGHER, "/µL", "ANC below this is neutropenia (M1)"),
    ANC_FALLING(1000, 1000, 2000, HIGHER, "/µL", "ANC below this and lower than the value before is neutropenia (M1)"),
    ANC_FALLING_WINDOW_DAYS(7, 3, 14, HIGHER, "days", "\"falling\" compares the latest ANC with one at most this much older"),
    ANC_PROFOUND(100, 100, 500, HIGHER, "/µL", "ANC below this is profound neutropenia (M2)"),
    ANC_STALE_DAYS(7, 1, 14, LOWER, "days", "an ANC older than this early after infusion counts as unknown"),
    ICAHT_ANC_STALE_DAYS(14, 7, 14, LOWER, "days", "while ICAHT is active, an ANC older than this counts as unknown"),
    NEUTROPENIC_UNKNOWN_UNTIL_DAY(30, 30, 100, HIGHER, "day", "until this day an unknown or stale ANC counts as neutropenic"),
    BCMA_NEUTROPENIC_UNKNOWN_UNTIL_DAY(100, 30, 365, HIGHER, "day", "the same for BCMA products (M7)"),
    PLATELETS_BLEEDING(50_000, 20_000, 100_000, HIGHER, "/µL",
            "bleeding, black stools or a head injury below this platelet count is an emergency (E6)"),
    PLATELETS_STALE_DAYS(7, 1, 14, LOWER, "days", "a platelet count older than this early after infusion counts as unknown"),
    PLATELETS_UNKNOWN_UNTIL_DAY(30, 30, 100, HIGHER, "day",
            "until this day an unknown or stale platelet count makes a head injury an emergency (E6)"),
    IGG_LOW(400, 300, 600, HIGHER, "mg/dL", "IgG below this without recent IVIG raises respiratory rows (M5)"),
    IVIG_RECENT_DAYS(28, 14, 42, LOWER, "days", "IVIG within this many days counts as replaced (M5)"),
    SINOPULMONARY_INFECTIONS(2, 1, 3, LOWER, "infections",
            "this many respiratory or sinus infections on record in the window raise respiratory rows (M5)"),
    SINOPULMONARY_WINDOW_DAYS(182, 182, 365, HIGHER, "days", "the window for counting respiratory or sinus infections (M5)"),
    CD4_LOW(200, 100, 350, HIGHER, "/µL", "CD4 below this is an opportunistic-infection risk (M9)"),
    STEROID_RECENT_DAYS(14, 7, 30, HIGHER, "days", "systemic steroids within this many days (M3)"),
    TOCILIZUMAB_RECENT_DAYS(14, 7, 30, HIGHER, "days", "tocilizumab or another anti-cytokine within this many days (M4)"),
    TOCI_HEART_RATE(110, 90, 130, LOWER, "/min", "heart rate above this is fever-equivalent after tocilizumab (M4)"),
    TOCI_SBP(100, 90, 110, HIGHER, "mmHg", "systolic BP below this is fever-equivalent after tocilizumab (M4)"),
    AGE_FRAIL(75, 65, 90, LOWER, "years", "age at or above this raises fever and GI rows (M14)"),
    TRAVEL_MINUTES(60, 15, 240, LOWER, "min", "travel time above this adds the nearest-ED branch (M13)"),
    DIARRHEA_SEVERE(7, 5, 10, LOWER, "stools/day", "stools above baseline at or above this are severe"),
    DIARRHEA_MODERATE(4, 2, 6, LOWER, "stools/day", "stools above baseline at or above this are moderate"),
    TEMPERATURE_HISTORY_HOURS(24, 3, 72, HIGHER, "hours",
            "earlier readings this recent count for a second low-grade reading (P1) and a sustained fever (P4–P5)"),
    PROGRESSION_MIN_HOURS(2, 1, 4, LOWER, "hours",
            "the same neuro or weakness symptom in two check-ins at least this far apart is progressing (CENTER_NOW)"),
    PROGRESSION_WINDOW_HOURS(24, 24, 72, HIGHER, "hours", "how far back earlier check-ins are compared for progression"),
    OBE_CEL_ACUTE_DAYS_AFTER_SECOND_DOSE(14, 14, 28, HIGHER, "days", "obe-cel: P1 stays open this long after the second dose"),
    OBE_CEL_ASSUMED_SECOND_DOSE_DAY(12, 8, 14, HIGHER, "day", "obe-cel: the second dose day assumed when it is not recorded"),
    CILTA_CEL_ACUTE_UNTIL_DAY(28, 14, 42, HIGHER, "day", "cilta-cel: every row uses P1 until this day"),
    BCMA_DELAYED_NEURO_UNTIL_DAY(365, 100, 730, HIGHER, "day", "BCMA: delayed-neuro watch lasts until this day (M7)");

    /** Which way a value makes the rules stricter (more patients reach a clinician sooner). */
    public enum Stricter {
        /** A lower value is stricter, e.g. a fever threshold of 37.8 °C instead of 38.0 °C. */
        LOWER,
        /** A higher value is stricter, e.g. an SpO₂ alarm below 95 % instead of 94 %. */
        HIGHER
    }

    private final double defaultValue;
    private final double min;
    private final double max;
    private final Stricter stricter;
    private final String unit;
    private final String description;

    Threshold(double defaultValue, double min, double max, Stricter stricter, String unit, String description) {
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.stricter = stricter;
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

    public Stricter stricter() {
        return stricter;
    }

    /** True when {@code value} makes this rule less strict than the default table (§10.4: needs the medical lead). */
    public boolean loosens(double value) {
        return stricter == Stricter.LOWER ? value > defaultValue : value < defaultValue;
    }

    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }
}
