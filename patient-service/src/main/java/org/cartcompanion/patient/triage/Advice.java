package org.cartcompanion.patient.triage;

/** What the patient is told to do besides the disposition itself; rendered by {@link Instructions}. */
public enum Advice {
    /** Take an oral temperature within 15 minutes: a non-oral reading was borderline. */
    ORAL_RECHECK,
    /** Do not take fever medicine to "see if it goes away" before calling. */
    NO_FEVER_MEDICINE,
    /** Keep drinking fluids. */
    FLUIDS,
    /** A wearable reported a high value: confirm with a thermometer now. */
    CONFIRM_WEARABLE,
    /** The center may direct the patient to the nearest emergency department with a hand-off (M13). */
    NEAREST_ED_BRANCH,
    /** Test promptly for respiratory viruses: antivirals are time-sensitive. */
    TEST_PROMPTLY,
    /** Unwell, rigors or breathless without a temperature: take it now and check in again (G2, §10.1.5). */
    TAKE_TEMPERATURE_NOW
}
