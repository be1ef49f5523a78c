package org.cartcompanion.patient.triage;

import static org.cartcompanion.patient.triage.Disposition.CENTER_NOW;
import static org.cartcompanion.patient.triage.Disposition.CENTER_SAME_DAY;
import static org.cartcompanion.patient.triage.Disposition.COMMUNITY_24H;
import static org.cartcompanion.patient.triage.Disposition.EMERGENCY;
import static org.cartcompanion.patient.triage.Disposition.SELF_CARE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.cartcompanion.patient.patient.Product;
import org.cartcompanion.patient.timeline.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * clinical-rules.md §10 item by item: a worked vignette for each, written as a clinician would describe the patient, with the
 * disposition the section requires; and the new inputs at their boundaries.
 */
class RevisionTwoTest {

    static Stream<Arguments> vignettes() {
        return Stream.of(
                // §10.1.1 every row applies with or without a fever.
                v("§10.1.1 day 150, 37.7 °C with fever medicine, burning urination", COMMUNITY_24H, "URINARY_P4P5",
                        () -> TriageCase.onDay(150).tempC(37.7).antipyretic(true).with(Symptom.BURNING_URINATION)),
                v("§10.1.1 day 45, 38.2 °C and a cough: the cough-with-fever row", CENTER_NOW, "COUGH_FEVER_P3",
                        () -> TriageCase.onDay(45).tempC(38.2).with(Symptom.COUGH)),
                v("§10.1.1 day 200, 38.1 °C with a new rash: the rash row still fires", COMMUNITY_24H, "NEW_RASH_P4P5",
                        () -> TriageCase.onDay(200).tempC(38.1).with(Symptom.NEW_RASH)),
                // §10.1.2 order: global rules, then modifiers to a fixed point.
                v("§10.1.2 day 12, rigors without a temperature, no caregiver: rigors NOW anyway", CENTER_NOW, "RIGORS_P1",
                        () -> TriageCase.onDay(12).noTemperature().with(Symptom.RIGORS).set(c -> c.caregiver = false)),
                v("§10.1.2 day 25, 'something is seriously wrong': G3 NOW", CENTER_NOW, "G3",
                        () -> TriageCase.onDay(25).with(Symptom.SOMETHING_SERIOUSLY_WRONG)),
                v("§10.1.2 day 16, headache and no caregiver: same day raised by M12", CENTER_NOW, "M12",
                        () -> TriageCase.onDay(16).with(Symptom.HEADACHE).set(c -> c.caregiver = false)),
                // §10.1.3 any symptom.
                v("§10.1.3 day 70, ANC 60, 37.8 °C, SpO₂ 3 below baseline", CENTER_NOW, "M2",
                        () -> TriageCase.onDay(70).anc(60, TriageCase.TODAY).tempC(37.8).spo2(95)
                                .set(c -> c.baselineSpo2 = 98)),
                // §10.1.4 recheck instructions whenever a temperature row fired.
                v("§10.1.4 day 3, first 37.6 °C with a new rash: same day and a recheck in 30 min", CENTER_SAME_DAY,
                        "TEMP_BORDERLINE_P1", () -> TriageCase.onDay(3).tempC(37.6).with(Symptom.NEW_RASH)),
                // §10.1.5 G2 in every phase.
                v("§10.1.5 day 200, breathless on exertion without a temperature", COMMUNITY_24H, "G2",
                        () -> TriageCase.onDay(200).noTemperature().with(Symptom.BREATHLESS_ON_EXERTION)),
                v("§10.1.5 day 60, 37.6 °C, fever-medicine question unanswered: a fever", CENTER_NOW, "FEVER_P3",
                        () -> TriageCase.onDay(60).tempC(37.6).antipyretic(null)),
                // §10.2 rows that were missing or too narrow.
                v("§10.2 day 90, cilta-cel, legs weaker going up, short of breath walking", EMERGENCY, "E9",
                        () -> TriageCase.onDay(90).product(Product.CILTA_CEL)
                                .with(Symptom.ASCENDING_WEAKNESS, Symptom.BREATHLESS_ON_EXERTION)),
                v("§10.2 day 90, ascending weakness, respiratory rate 24", EMERGENCY, "E9",
                        () -> TriageCase.onDay(90).with(Symptom.ASCENDING_WEAKNESS).respRate(24)),
                v("§10.2 day 40, ascending weakness alone", CENTER_SAME_DAY, "ASCENDING_WEAKNESS_P3",
                        () -> TriageCase.onDay(40).with(Symptom.ASCENDING_WEAKNESS)),
                v("§10.2 day 40, ascending weakness worse over hours", CENTER_NOW, "NEURO_PROGRESSING_P3",
                        () -> TriageCase.onDay(40).with(Symptom.ASCENDING_WEAKNESS, Symptom.WORSE_OVER_HOURS)),
                v("§10.2 day 150, numbness again 3 h after the last check-in", CENTER_NOW, "NEURO_PROGRESSING_P4P5",
                        () -> TriageCase.onDay(150).with(Symptom.NUMBNESS_TINGLING)
                                .earlierCheckIn(180, Symptom.NUMBNESS_TINGLING)),
                v("§10.2 day 22, flank pain, ANC unknown", CENTER_SAME_DAY, "URINARY_NEUTROPENIC_P2",
                        () -> TriageCase.onDay(22).anc(null, null).with(Symptom.FLANK_PAIN)),
                v("§10.2 day 250, SpO₂ 94 with baseline 97", CENTER_NOW, "SPO2_BELOW_BASELINE_P4P5",
                        () -> TriageCase.onDay(250).spo2(94).set(c -> c.baselineSpo2 = 97)),
                v("§10.2 day 250, SBP 104 with baseline 135", CENTER_NOW, "SBP_BELOW_BASELINE_P4P5",
                        () -> TriageCase.onDay(250).sbp(104).set(c -> c.baselineSbp = 135)),
                // §10.3 new codes.
                v("§10.3 day 300, black stools, platelets 35 000", EMERGENCY, "E6",
                        () -> TriageCase.onDay(300).with(Symptom.BLACK_STOOLS).platelets(35_000, TriageCase.TODAY)),
                v("§10.3 day 300, black stools, platelets normal", CENTER_SAME_DAY, "BLEEDING_P4P5",
                        () -> TriageCase.onDay(300).with(Symptom.BLACK_STOOLS)),
                v("§10.3 day 10, fell and hit head, no platelet count this week", EMERGENCY, "E6",
                        () -> TriageCase.onDay(10).with(Symptom.HEAD_INJURY).platelets(90_000, TriageCase.TODAY.minusDays(9))),
                v("§10.3 day 200, headache with 38.0 °C", CENTER_NOW, "SEVERE_HEADACHE_P4P5",
                        () -> TriageCase.onDay(200).tempC(38.0).with(Symptom.HEADACHE)),
                v("§10.3 day 200, headache alone", COMMUNITY_24H, "HEADACHE_P4P5",
                        () -> TriageCase.onDay(200).with(Symptom.HEADACHE)),
                v("§10.3 day 8, headache alone", CENTER_SAME_DAY, "HEADACHE_P1",
                        () -> TriageCase.onDay(8).with(Symptom.HEADACHE)),
                v("§10.3 day 400, cold clammy skin alone", CENTER_NOW, "COLD_CLAMMY_SKIN_P4P5",
                        () -> TriageCase.onDay(400).with(Symptom.COLD_CLAMMY_SKIN)),
                v("§10.3 day 400, cold clammy skin with SBP 88", EMERGENCY, "E4",
                        () -> TriageCase.onDay(400).with(Symptom.COLD_CLAMMY_SKIN).sbp(88)),
                v("§10.3 day 35, wheeze after IVIG", EMERGENCY, "E8",
                        () -> TriageCase.onDay(35).with(Symptom.WHEEZE_OR_HIVES_AFTER_DRUG)),
                v("§10.3 day 180, caregiver: not acting like themselves", CENTER_NOW, "NEURO_P4P5",
                        () -> TriageCase.onDay(180).with(Symptom.NOT_ACTING_LIKE_THEMSELVES)),
                v("§10.3 day 180, bloody diarrhea", CENTER_SAME_DAY, "DIARRHEA_SEVERE_P4P5",
                        () -> TriageCase.onDay(180).with(Symptom.BLOODY_DIARRHEA)),
                // §10.4 new inputs.
                v("§10.4 day 150, ANC 800 falling from 1300 five days before, 38.0 °C", CENTER_NOW, "M1",
                        () -> TriageCase.onDay(150).anc(800, TriageCase.TODAY).ancBefore(5, 1300).tempC(38.0)),
                v("§10.4 day 150, ICAHT active, ANC 20 days old, 38.0 °C", CENTER_NOW, "M1",
                        () -> TriageCase.onDay(150).anc(1800, TriageCase.TODAY.minusDays(20)).tempC(38.0)
                                .set(c -> c.icaht = true)),
                v("§10.4 day 150, two sinus infections this half-year, cough", CENTER_SAME_DAY, "M5",
                        () -> TriageCase.onDay(150).with(Symptom.COUGH).infection(40, true, false).infection(120, true, false)),
                v("§10.4 day 80, frail at 62, four stools", CENTER_SAME_DAY, "M14",
                        () -> TriageCase.onDay(80).stools(4).set(c -> c.frail = true)),
                v("§10.4 day 25, obe-cel, no second dose recorded: still P1, vomiting is NOW", CENTER_NOW, "VOMITING_P1",
                        () -> TriageCase.onDay(25).product(Product.OBE_CEL).with(Symptom.VOMITING_CANNOT_KEEP_FLUIDS)),
                // §10.5 clarifications.
                v("§10.5 day -3 (lymphodepletion), vomiting: the P1 column", CENTER_NOW, "VOMITING_P1",
                        () -> TriageCase.onDay(-3).with(Symptom.VOMITING_CANNOT_KEEP_FLUIDS)),
                v("§10.5 day 22, cilta-cel, mouth sores: the P1 cell", CENTER_SAME_DAY, "MOUTH_SORES_P1",
                        () -> TriageCase.onDay(22).product(Product.CILTA_CEL).with(Symptom.MOUTH_SORES)),
                v("§10.5 day 24, obe-cel, second dose on day 10: the 14th day after is P1", CENTER_NOW, "VOMITING_P1",
                        () -> TriageCase.onDay(24).product(Product.OBE_CEL)
                                .secondDose(TriageCase.TODAY.minusDays(24).plusDays(10))
                                .with(Symptom.VOMITING_CANNOT_KEEP_FLUIDS)),
                v("§10.5 day 25, obe-cel, second dose on day 10: P2", CENTER_SAME_DAY, "VOMITING_P2",
                        () -> TriageCase.onDay(25).product(Product.OBE_CEL)
                                .secondDose(TriageCase.TODAY.minusDays(25).plusDays(10))
                                .with(Symptom.VOMITING_CANNOT_KEEP_FLUIDS)),
                v("§10.5 day 400, palpitations: NOW in every phase", CENTER_NOW, "PALPITATIONS_P4P5",
                        () -> TriageCase.onDay(400).with(Symptom.PALPITATIONS)),
                v("§10.5 day 300, rash near the eye, on antiviral prophylaxis", CENTER_NOW, "RASH_EYE_OR_FACE_P4P5",
                        () -> TriageCase.onDay(300).with(Symptom.RASH_EYE_OR_FACE)),
                v("§10.5 day 400, IEC-HS history, 38.0 °C: NOW in every phase", CENTER_NOW, "M6",
                        () -> TriageCase.onDay(400).tempC(38.0).set(c -> c.iecHs = true)),
                v("§10.5 day 200, respiratory rate 30 at rest", EMERGENCY, "E3",
                        () -> TriageCase.onDay(200).respRate(30)),
                v("§10.5 day 10, 39.5 °C, steroids, frail, no caregiver, central line: modifiers stop at NOW", CENTER_NOW,
                        "M11", () -> TriageCase.onDay(10).tempC(39.5).set(c -> {
                            c.steroids = TriageCase.TODAY;
                            c.frail = true;
                            c.caregiver = false;
                            c.centralLine = true;
                        })));
    }

    static Arguments v(String name, Disposition expected, String rule, Supplier<TriageCase> input) {
        return Arguments.of(name, expected, rule, input);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("vignettes")
    void vignette(String name, Disposition expected, String rule, Supplier<TriageCase> input) {
        TriageResult result = input.get().triage();
        assertEquals(expected, result.disposition(), () -> name + " fired " + result.firedRules());
        assertTrue(result.firedRules().contains(rule), () -> name + " fired " + result.firedRules());
        assertEquals(RuleSet.DEFAULT_VERSION, result.ruleSetVersion());
    }

    @ParameterizedTest(name = "{0} alone on day 5 reaches a clinician")
    @EnumSource(Symptom.class)
    void noSymptomCodeIsIgnored(Symptom symptom) {
        TriageResult result = TriageCase.onDay(5).with(symptom).triage();
        if (symptom == Symptom.WORSE_OVER_HOURS) {
            // A flag: it raises a neuro or weakness row, and alone it changes nothing.
            assertEquals(SELF_CARE, result.disposition());
            return;
        }
        assertTrue(result.alertRequested(), () -> symptom + " fired " + result.firedRules());
        assertFalse(result.firedRules().isEmpty());
    }

    @Test
    void worseOverHoursRaisesOnlyANeuroOrWeaknessRow() {
        assertEquals(COMMUNITY_24H, TriageCase.onDay(200).with(Symptom.COUGH, Symptom.WORSE_OVER_HOURS).disposition());
        assertEquals(CENTER_SAME_DAY, TriageCase.onDay(200).with(Symptom.SLOW_MOVEMENT).disposition());
        assertEquals(CENTER_NOW, TriageCase.onDay(200).with(Symptom.SLOW_MOVEMENT, Symptom.WORSE_OVER_HOURS).disposition());
    }

    @Test
    void theSameSymptomTwiceIsProgressionOnlyHoursApartWithinTheDay() {
        assertEquals(CENTER_NOW,
                TriageCase.onDay(60).with(Symptom.FACIAL_DROOP).earlierCheckIn(120, Symptom.FACIAL_DROOP).disposition());
        assertEquals(CENTER_NOW,
                TriageCase.onDay(60).with(Symptom.FACIAL_DROOP).earlierCheckIn(24 * 60, Symptom.FACIAL_DROOP).disposition());
        // Under 2 h apart, over 24 h apart, or another symptom: the delayed-neuro row's same day.
        assertEquals(CENTER_SAME_DAY,
                TriageCase.onDay(60).with(Symptom.FACIAL_DROOP).earlierCheckIn(119, Symptom.FACIAL_DROOP).disposition());
        assertEquals(CENTER_SAME_DAY, TriageCase.onDay(60).with(Symptom.FACIAL_DROOP)
                .earlierCheckIn(24 * 60 + 1, Symptom.FACIAL_DROOP).disposition());
        assertEquals(CENTER_SAME_DAY,
                TriageCase.onDay(60).with(Symptom.FACIAL_DROOP).earlierCheckIn(180, Symptom.COUGH).disposition());
        // A non-neuro symptom twice is not progression.
        assertEquals(CENTER_SAME_DAY,
                TriageCase.onDay(60).with(Symptom.COUGH).earlierCheckIn(180, Symptom.COUGH).disposition());
    }

    @Test
    void baselinesAtTheirBoundaries() {
        // SpO₂ 3 points or more below baseline.
        assertEquals(CENTER_NOW, TriageCase.onDay(200).spo2(95).set(c -> c.baselineSpo2 = 98).disposition());
        assertEquals(SELF_CARE, TriageCase.onDay(200).spo2(96).set(c -> c.baselineSpo2 = 98).disposition());
        // Systolic BP more than 30 below baseline.
        assertEquals(CENTER_NOW, TriageCase.onDay(200).sbp(109).set(c -> c.baselineSbp = 140).disposition());
        assertEquals(SELF_CARE, TriageCase.onDay(200).sbp(110).set(c -> c.baselineSbp = 140).disposition());
        // No baseline recorded: only the absolute thresholds.
        assertEquals(SELF_CARE, TriageCase.onDay(200).spo2(95).sbp(100).disposition());
    }

    @Test
    void aTemperatureRowsRecheckIsGivenWhateverTheDisposition() {
        TriageResult result = TriageCase.onDay(3).tempC(37.6).with(Symptom.NEW_RASH).triage();
        assertEquals(30, result.recheckMinutes());
        assertTrue(result.instructions().contains("Check your temperature again in 30 minutes."), result.instructions());
        // Another row's recheck (mild diarrhea in P1) only on self-care.
        TriageResult diarrhea = TriageCase.onDay(3).stools(2).with(Symptom.NEW_RASH).triage();
        assertEquals(CENTER_SAME_DAY, diarrhea.disposition());
        assertNull(diarrhea.recheckMinutes());
        assertEquals(720, TriageCase.onDay(3).stools(2).triage().recheckMinutes());
    }

    @Test
    void obeCelSecondDoseIsOverdueForRecordingFromDay13() {
        java.time.LocalDate infusion = TriageCase.TODAY.minusDays(40);
        assertFalse(Phases.secondDoseOverdue(Product.OBE_CEL, infusion, null, infusion.plusDays(12)));
        assertTrue(Phases.secondDoseOverdue(Product.OBE_CEL, infusion, null, infusion.plusDays(13)));
        assertFalse(Phases.secondDoseOverdue(Product.OBE_CEL, infusion, infusion.plusDays(10), infusion.plusDays(13)));
        assertFalse(Phases.secondDoseOverdue(Product.AXI_CEL, infusion, null, infusion.plusDays(13)));
        Phases.Assessment day26 = Phases.assess(Product.OBE_CEL, infusion, null, infusion.plusDays(26), RuleSet.DEFAULT);
        assertEquals(Phase.P1_ACUTE, day26.phase());
        assertTrue(day26.secondDoseAssumed());
        assertEquals(Phase.P2_EARLY,
                Phases.assess(Product.OBE_CEL, infusion, null, infusion.plusDays(27), RuleSet.DEFAULT).phase());
    }

    @Test
    void aCenterMayOnlyTightenThresholdsOnItsOwn() {
        assertFalse(Threshold.FEVER_C.loosens(37.8));
        assertTrue(Threshold.FEVER_C.loosens(38.5));
        assertFalse(Threshold.SPO2_LOW.loosens(95));
        assertTrue(Threshold.SPO2_LOW.loosens(92));
        for (Threshold t : Threshold.values()) {
            assertFalse(t.loosens(t.defaultValue()), t.name());
            // Each allowed range reaches the stricter side or stops at the default; the looser side is where approval is
            // needed.
            double stricterEnd = t.stricter() == Threshold.Stricter.LOWER ? t.min() : t.max();
            assertFalse(t.loosens(stricterEnd), t.name());
        }
        // Looser values for a direction are refused without approval by the service (TriageRulesResourceTest); the engine
        // uses whatever the rule set holds, within the range.
        RuleSet loose = RuleSet.withOverrides("c.v2", java.util.Map.of(Threshold.FEVER_C, 38.5));
        assertEquals(SELF_CARE, TriageCase.onDay(5).tempC(38.2).antipyretic(false).rules(loose).disposition());
        assertTrue(List.of(Threshold.values()).stream().anyMatch(t -> t.stricter() == Threshold.Stricter.HIGHER));
    }
}
