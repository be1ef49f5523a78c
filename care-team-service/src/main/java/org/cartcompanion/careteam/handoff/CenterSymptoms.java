package org.cartcompanion.careteam.handoff;

import java.util.List;
import java.util.Set;

/** The symptom codes of the check-in (API.md), and those that still go straight to the center after a hand-off. */
public final class CenterSymptoms {

    /** Every symptom code a check-in may carry, plus FEVER for a temperature of 38.0 °C or more. */
    public static final Set<String> CODES = Set.of("FEVER", "RIGORS", "FEELS_UNWELL", "BREATHLESS_AT_REST",
            "BREATHLESS_ON_EXERTION", "COUGH", "RUNNY_NOSE_SORE_THROAT", "DIZZY_ON_STANDING", "FAINTED", "CHEST_PAIN",
            "CONFUSION", "WORD_FINDING_DIFFICULTY", "HANDWRITING_CHANGE", "UNUSUAL_SLEEPINESS", "TREMOR", "SEIZURE",
            "UNRESPONSIVE", "ONE_SIDED_WEAKNESS", "FACIAL_DROOP", "SLOW_MOVEMENT", "NUMBNESS_TINGLING",
            "ASCENDING_WEAKNESS", "SEVERE_HEADACHE", "STIFF_NECK", "VOMITING_CANNOT_KEEP_FLUIDS",
            "NOT_EATING_DRINKING_24H", "BURNING_URINATION", "BLISTER_RASH", "NEW_RASH", "BLEEDING", "LINE_SITE_REDNESS",
            "MOUTH_SORES", "CANNOT_SWALLOW", "FATIGUE_SEVERE", "FACE_THROAT_SWELLING", "INFECTION_EXPOSURE",
            "MISSED_PROPHYLAXIS_DOSE", "SOMETHING_SERIOUSLY_WRONG", "WANTS_TO_TALK_NOW", "SEVERE_BREATHING_DIFFICULTY",
            "COLD_CLAMMY_SKIN", "SUDDEN_SLURRED_SPEECH", "HEAVY_BLEEDING", "VOMITING_BLOOD", "BLACK_STOOLS", "HEAD_INJURY",
            "WHEEZE_OR_HIVES_AFTER_DRUG", "PALPITATIONS", "HEADACHE", "NOT_ACTING_LIKE_THEMSELVES", "FLANK_PAIN",
            "RASH_EYE_OR_FACE", "BLOODY_DIARRHEA", "WORSE_OVER_HOURS");

    /**
     * The default: every symptom whose disposition after day 30 is still same-day or higher at the center (clinical-rules.md
     * §4.2 emergencies, §4.3 matrix P3–P5, §10.2–§10.3), so the receiver knows what they will not be paged for.
     */
    public static final List<String> DEFAULT = List.of("FEVER", "RIGORS", "BREATHLESS_AT_REST", "DIZZY_ON_STANDING",
            "FAINTED", "CHEST_PAIN", "CONFUSION", "WORD_FINDING_DIFFICULTY", "HANDWRITING_CHANGE", "UNUSUAL_SLEEPINESS",
            "TREMOR", "SEIZURE", "UNRESPONSIVE", "ONE_SIDED_WEAKNESS", "FACIAL_DROOP", "SLOW_MOVEMENT",
            "NUMBNESS_TINGLING", "ASCENDING_WEAKNESS", "SEVERE_HEADACHE", "STIFF_NECK", "BLISTER_RASH", "BLEEDING",
            "LINE_SITE_REDNESS", "FACE_THROAT_SWELLING", "INFECTION_EXPOSURE", "SOMETHING_SERIOUSLY_WRONG",
            "WANTS_TO_TALK_NOW", "SEVERE_BREATHING_DIFFICULTY", "COLD_CLAMMY_SKIN", "SUDDEN_SLURRED_SPEECH", "HEAVY_BLEEDING",
            "VOMITING_BLOOD", "BLACK_STOOLS", "HEAD_INJURY", "WHEEZE_OR_HIVES_AFTER_DRUG", "PALPITATIONS",
            "NOT_ACTING_LIKE_THEMSELVES", "RASH_EYE_OR_FACE", "BLOODY_DIARRHEA");

    private CenterSymptoms() {
    }
}
