package org.cartcompanion.patient.triage;

/**
 * The symptom codes a check-in may report (API.md, with clinical-rules.md §10.3). What the phone shows for each, in English and
 * Spanish, is in {@link SymptomWording}.
 */
public enum Symptom {
    RIGORS,
    FEELS_UNWELL,
    BREATHLESS_AT_REST,
    BREATHLESS_ON_EXERTION,
    COUGH,
    RUNNY_NOSE_SORE_THROAT,
    DIZZY_ON_STANDING,
    FAINTED,
    CHEST_PAIN,
    CONFUSION,
    WORD_FINDING_DIFFICULTY,
    HANDWRITING_CHANGE,
    UNUSUAL_SLEEPINESS,
    TREMOR,
    SEIZURE,
    UNRESPONSIVE,
    ONE_SIDED_WEAKNESS,
    FACIAL_DROOP,
    SLOW_MOVEMENT,
    NUMBNESS_TINGLING,
    ASCENDING_WEAKNESS,
    SEVERE_HEADACHE,
    STIFF_NECK,
    VOMITING_CANNOT_KEEP_FLUIDS,
    NOT_EATING_DRINKING_24H,
    BURNING_URINATION,
    BLISTER_RASH,
    NEW_RASH,
    BLEEDING,
    LINE_SITE_REDNESS,
    MOUTH_SORES,
    CANNOT_SWALLOW,
    FATIGUE_SEVERE,
    FACE_THROAT_SWELLING,
    INFECTION_EXPOSURE,
    MISSED_PROPHYLAXIS_DOSE,
    /** The caregiver's concern that something is seriously wrong. */
    SOMETHING_SERIOUSLY_WRONG,
    WANTS_TO_TALK_NOW,
    // clinical-rules.md §10.3 (December 2026)
    SEVERE_BREATHING_DIFFICULTY,
    COLD_CLAMMY_SKIN,
    SUDDEN_SLURRED_SPEECH,
    HEAVY_BLEEDING,
    VOMITING_BLOOD,
    BLACK_STOOLS,
    HEAD_INJURY,
    WHEEZE_OR_HIVES_AFTER_DRUG,
    PALPITATIONS,
    HEADACHE,
    NOT_ACTING_LIKE_THEMSELVES,
    FLANK_PAIN,
    RASH_EYE_OR_FACE,
    BLOODY_DIARRHEA,
    /** A flag reported with other codes: the symptoms are getting worse over the last hours. */
    WORSE_OVER_HOURS
}
