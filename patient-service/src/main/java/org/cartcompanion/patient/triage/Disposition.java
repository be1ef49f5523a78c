package org.cartcompanion.patient.triage;

/** Where a check-in sends the patient (clinical-rules.md §4.1), highest urgency first. */
public enum Disposition {
    /** Call 911 now; the center is paged at the same time. */
    EMERGENCY,
    /** Call the CAR-T center's on-call now, bypassing the community emergency room. */
    CENTER_NOW,
    /** Same-day review by the center. */
    CENTER_SAME_DAY,
    /** The community (referring) physician within 24 hours, the center copied. */
    COMMUNITY_24H,
    /** Self-care and keep monitoring. */
    SELF_CARE;

    /** True when this is more urgent than {@code other}. */
    public boolean isAbove(Disposition other) {
        return ordinal() < other.ordinal();
    }

    public static Disposition max(Disposition a, Disposition b) {
        return a.isAbove(b) ? a : b;
    }

    /** One level more urgent; EMERGENCY stays EMERGENCY. */
    public Disposition raised() {
        return this == EMERGENCY ? EMERGENCY : values()[ordinal() - 1];
    }
}
