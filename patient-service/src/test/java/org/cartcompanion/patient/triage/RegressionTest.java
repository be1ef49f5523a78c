package org.cartcompanion.patient.triage;

import static org.cartcompanion.patient.triage.Disposition.CENTER_NOW;
import static org.cartcompanion.patient.triage.Disposition.CENTER_SAME_DAY;
import static org.cartcompanion.patient.triage.Disposition.COMMUNITY_24H;
import static org.cartcompanion.patient.triage.Disposition.EMERGENCY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cartcompanion.patient.patient.Disease;
import org.cartcompanion.patient.patient.Product;
import org.junit.jupiter.api.Test;

/**
 * Under-triage found in the review that led to clinical-rules.md §10 (issue 13), one named case per class, and the shrunk
 * counterexamples the properties of {@link TriagePropertiesTest} have found since. Each must keep its expected disposition.
 */
class RegressionTest {

    // --- The five classes of issue 13 -------------------------------------------------------------

    @Test
    void aFeverDoesNotSwitchOffTheUrinaryRow() {
        // Day 150, 37.7 °C with fever medicine and burning urination: the 24-hour visit, never self-care (§10.1.1).
        TriageResult result = TriageCase.onDay(150).tempC(37.7).antipyretic(true).with(Symptom.BURNING_URINATION).triage();
        assertEquals(COMMUNITY_24H, result.disposition(), result.firedRules()::toString);
        assertTrue(result.firedRules().containsAll(List.of("FEVER_P4P5", "URINARY_P4P5")), result.firedRules()::toString);
    }

    @Test
    void aFeverDoesNotSwitchOffTheUpperRespiratoryRow() {
        // Day 120, 38.1 °C with a runny nose: at least the 24-hour visit the afebrile complaint gets.
        TriageResult result = TriageCase.onDay(120).tempC(38.1).with(Symptom.RUNNY_NOSE_SORE_THROAT).triage();
        assertEquals(COMMUNITY_24H, result.disposition(), result.firedRules()::toString);
        assertTrue(result.firedRules().contains("URI_P4P5"), result.firedRules()::toString);
        assertTrue(result.instructions().contains("Check your temperature again in 1 hour."), result.instructions());
    }

    @Test
    void aGlobalRulesSameDayIsRaisedByNoCaregiver() {
        // Day 20, feels unwell without a temperature (G2 → same day) and no caregiver in P2: M12 raises it to NOW (§10.1.2).
        TriageResult result = TriageCase.onDay(20).noTemperature().with(Symptom.FEELS_UNWELL)
                .set(c -> c.caregiver = false).triage();
        assertEquals(CENTER_NOW, result.disposition(), result.firedRules()::toString);
        assertTrue(result.firedRules().containsAll(List.of("G2", "M12")), result.firedRules()::toString);
        // A level a global rule created is seen by the modifiers: G3's NOW on day 40 for a patient 90 minutes away gets
        // M13's nearest-emergency-department branch.
        TriageResult far = TriageCase.onDay(40).with(Symptom.WANTS_TO_TALK_NOW).set(c -> c.travel = 90).triage();
        assertEquals(CENTER_NOW, far.disposition(), far.firedRules()::toString);
        assertTrue(far.firedRules().containsAll(List.of("G3", "M13")), far.firedRules()::toString);
        assertTrue(far.advice().contains(Advice.NEAREST_ED_BRANCH));
    }

    @Test
    void profoundNeutropeniaCountsDiarrheaAnIceDropAndAbnormalVitalsAsSymptoms() {
        // M2: ANC < 100 and 37.5–37.9 °C with "any symptom" as §10.1.3 defines it.
        TriageCase base = TriageCase.onDay(60).anc(80, TriageCase.TODAY).tempC(37.6);
        assertEquals(CENTER_NOW, base.stools(2).triage().disposition());
        assertEquals(CENTER_NOW, TriageCase.onDay(60).anc(80, TriageCase.TODAY).tempC(37.6).ice(9).disposition());
        assertEquals(CENTER_NOW, TriageCase.onDay(60).anc(80, TriageCase.TODAY).tempC(37.6).heartRate(125).disposition());
        assertEquals(CENTER_NOW, TriageCase.onDay(60).anc(80, TriageCase.TODAY).tempC(37.6).sbp(88).disposition());
        assertEquals(CENTER_NOW, TriageCase.onDay(60).anc(80, TriageCase.TODAY).tempC(37.6).respRate(22).disposition());
        assertTrue(TriageCase.onDay(60).anc(80, TriageCase.TODAY).tempC(37.6).stools(1).triage().firedRules().contains("M2"));
        // Nothing else reported: no symptom, no M2.
        assertTrue(!TriageCase.onDay(60).anc(80, TriageCase.TODAY).tempC(37.6).triage().firedRules().contains("M2"));
    }

    @Test
    void ascendingWeaknessWithBreathlessnessOnExertionAndLowSpo2IsAnEmergency() {
        // E9: ascending weakness with breathlessness on exertion and SpO₂ 92 %.
        TriageResult result = TriageCase.onDay(60).product(Product.CILTA_CEL)
                .with(Symptom.ASCENDING_WEAKNESS, Symptom.BREATHLESS_ON_EXERTION).spo2(92).triage();
        assertEquals(EMERGENCY, result.disposition(), result.firedRules()::toString);
        assertTrue(result.firedRules().contains("E9"), result.firedRules()::toString);
    }

    @Test
    void painfulUrinationInANeutropenicPatientIsSameDay() {
        // §2.5 and §10.2: same day (NOW in P1), not a 24-hour visit.
        assertEquals(CENTER_SAME_DAY,
                TriageCase.onDay(60).anc(300, TriageCase.TODAY).with(Symptom.BURNING_URINATION).disposition());
        assertEquals(CENTER_SAME_DAY, TriageCase.onDay(25).anc(null, null).with(Symptom.FLANK_PAIN).disposition());
        assertEquals(CENTER_NOW, TriageCase.onDay(8).anc(null, null).with(Symptom.BURNING_URINATION).disposition());
        // Not neutropenic, from day 31: the 24-hour row.
        assertEquals(COMMUNITY_24H, TriageCase.onDay(31).anc(null, null).with(Symptom.BURNING_URINATION).disposition());
    }

    // --- Found by the clinical review of the default-2 engine -------------------------------------

    @Test
    void shockWithAnyAlteredMentalStateIsAnEmergency() {
        // E4: low SBP or cold clammy skin with confusion — "not themselves", unusual sleepiness or a home-ICE drop count.
        assertEquals(EMERGENCY, TriageCase.onDay(200).sbp(85).with(Symptom.NOT_ACTING_LIKE_THEMSELVES).disposition());
        assertEquals(EMERGENCY, TriageCase.onDay(5).sbp(85).with(Symptom.UNUSUAL_SLEEPINESS).disposition());
        assertEquals(EMERGENCY, TriageCase.onDay(200).sbp(85).ice(6).disposition());
        assertEquals(EMERGENCY,
                TriageCase.onDay(200).with(Symptom.COLD_CLAMMY_SKIN, Symptom.NOT_ACTING_LIKE_THEMSELVES).disposition());
        // E6: black stools with a low SBP count as "with dizziness".
        assertEquals(EMERGENCY, TriageCase.onDay(200).with(Symptom.BLACK_STOOLS).sbp(85).disposition());
        assertEquals(EMERGENCY,
                TriageCase.onDay(200).with(Symptom.BLACK_STOOLS).sbp(100).set(c -> c.baselineSbp = 140).disposition());
    }

    @Test
    void aFeverThatStaysUpAcrossCheckInsHoursApartEscalates() {
        // Sustained (P4–P5) and second low-grade reading (P1) look back over the day's stored readings, not 3 h.
        assertEquals(CENTER_SAME_DAY, TriageCase.onDay(200).tempC(38.1).earlierReading(200, 38.2).disposition());
        assertEquals(CENTER_SAME_DAY, TriageCase.onDay(200).tempC(38.1).earlierReading(8 * 60, 38.2).disposition());
        assertEquals(CENTER_SAME_DAY, TriageCase.onDay(3).tempC(37.6).earlierReading(200, 37.7).disposition());
        assertEquals(Disposition.SELF_CARE, TriageCase.onDay(200).tempC(38.1).earlierReading(25 * 60, 38.2).disposition());
    }

    @Test
    void aLateSameDayFeverIsNowWithAnyRedFlagOrModifierCondition() {
        // §4.3 P4–P5: "≥ 38.3 → SAME (NOW if any other red flag or modifier)".
        assertEquals(CENTER_SAME_DAY, TriageCase.onDay(200).tempC(38.5).disposition());
        assertEquals(CENTER_NOW, TriageCase.onDay(200).tempC(38.5).with(Symptom.SOMETHING_SERIOUSLY_WRONG).disposition());
        assertEquals(CENTER_NOW, TriageCase.onDay(400).tempC(38.5).disease(Disease.B_ALL).disposition());
        assertEquals(CENTER_NOW, TriageCase.onDay(200).tempC(38.5).set(c -> c.maxCrs = 3).disposition());
        assertEquals(CENTER_NOW, TriageCase.onDay(200).tempC(38.5).set(c -> c.igg = 250).disposition());
        assertEquals(CENTER_NOW,
                TriageCase.onDay(200).tempC(38.5).set(c -> c.prophylaxis = new Prophylaxis(true, true, false, false))
                        .disposition());
        assertEquals(CENTER_NOW, TriageCase.onDay(200).tempC(38.5).product(Product.IDE_CEL).disposition());
    }

    @Test
    void aNeutropenicPatientGetsTheP2FeverRulesForUnwellAndRigorsToo() {
        // §1.2: ANC < 500 at any time → P2 fever rules; unknown counts as neutropenic where M1 says so (ICAHT, stale).
        assertEquals(CENTER_SAME_DAY,
                TriageCase.onDay(60).anc(300, TriageCase.TODAY).noTemperature().with(Symptom.FEELS_UNWELL).disposition());
        assertEquals(CENTER_SAME_DAY,
                TriageCase.onDay(60).anc(300, TriageCase.TODAY).tempC(36.9).with(Symptom.FEELS_UNWELL).disposition());
        assertEquals(CENTER_NOW, TriageCase.onDay(200).anc(1800, TriageCase.TODAY.minusDays(20)).tempC(37.0)
                .with(Symptom.RIGORS).set(c -> c.icaht = true).disposition());
        assertEquals(CENTER_NOW, TriageCase.onDay(200).anc(800, TriageCase.TODAY).ancBefore(3, 1300).tempC(37.0)
                .with(Symptom.RIGORS).disposition());
    }

    @Test
    void anUnrecordedCaregiverCountsAsAbsentInTheFirstMonth() {
        assertEquals(CENTER_NOW, TriageCase.onDay(10).with(Symptom.HEADACHE).set(c -> c.caregiver = null).disposition());
        assertEquals(CENTER_SAME_DAY, TriageCase.onDay(10).with(Symptom.HEADACHE).disposition());
        assertEquals(COMMUNITY_24H, TriageCase.onDay(40).with(Symptom.HEADACHE).set(c -> c.caregiver = null).disposition());
    }

    @Test
    void facialDroopWithLimbWeaknessIsAnEmergency() {
        TriageResult result = TriageCase.onDay(60).with(Symptom.FACIAL_DROOP, Symptom.ASCENDING_WEAKNESS).triage();
        assertEquals(EMERGENCY, result.disposition(), result.firedRules()::toString);
        assertTrue(result.firedRules().contains("E5"), result.firedRules()::toString);
    }

    @Test
    void aHeadacheOrTroubleSwallowingWorseOverHoursIsNow() {
        assertEquals(CENTER_NOW, TriageCase.onDay(200).with(Symptom.HEADACHE, Symptom.WORSE_OVER_HOURS).disposition());
        assertEquals(CENTER_NOW, TriageCase.onDay(60).with(Symptom.CANNOT_SWALLOW, Symptom.WORSE_OVER_HOURS).disposition());
        assertEquals(CENTER_NOW,
                TriageCase.onDay(200).with(Symptom.HEADACHE).earlierCheckIn(180, Symptom.HEADACHE).disposition());
    }

    // --- Counterexamples the properties found while the §10 engine was written ------------------

    @Test
    void reportingATemperatureDoesNotLowerBreathlessnessInANeutropenicPatient() {
        // Shrunk by reportingATemperatureNeverLowersTheResult (CI run after the review fixes): day 101, ICAHT with no ANC
        // (neutropenic), breathless on exertion. G2's floor took the neutropenic P2 column (same day) while the breathless
        // row with a temperature (93 °F) stayed in P4–P5 (24 h). G2's floor now uses the patient's own column.
        TriageCase without = TriageCase.onDay(101).noTemperature().with(Symptom.BREATHLESS_ON_EXERTION).anc(null, null)
                .set(c -> c.icaht = true);
        TriageCase with = TriageCase.onDay(101).temp(93.0, Temperature.Unit.F, Temperature.Method.ORAL)
                .with(Symptom.BREATHLESS_ON_EXERTION).anc(null, null).set(c -> c.icaht = true);
        assertEquals(COMMUNITY_24H, without.disposition());
        assertEquals(COMMUNITY_24H, with.disposition());
    }

    @Test
    void tocilizumabBluntedFeverStillCountsWithAFever() {
        // Found by reasoning over M4's "without fever" guard: 37.9 → 38.0 °C on day 200 lowered NOW to a recheck.
        TriageCase afebrile = TriageCase.onDay(200).tempC(37.9).with(Symptom.FEELS_UNWELL).heartRate(115)
                .set(c -> c.toci = TriageCase.TODAY.minusDays(3));
        TriageCase febrile = TriageCase.onDay(200).tempC(38.0).with(Symptom.FEELS_UNWELL).heartRate(115)
                .set(c -> c.toci = TriageCase.TODAY.minusDays(3));
        assertEquals(CENTER_NOW, afebrile.disposition());
        assertEquals(CENTER_NOW, febrile.disposition());
    }

    @Test
    void reportingANormalTemperatureDoesNotLowerFeelingUnwell() {
        // §10.5: without a temperature G2 gives same-day in P1–P2; with 36.8 °C the feels-unwell row gives the same.
        assertEquals(CENTER_SAME_DAY, TriageCase.onDay(10).noTemperature().with(Symptom.FEELS_UNWELL).disposition());
        assertEquals(CENTER_SAME_DAY, TriageCase.onDay(10).tempC(36.8).with(Symptom.FEELS_UNWELL).disposition());
        assertEquals(COMMUNITY_24H, TriageCase.onDay(45).noTemperature().with(Symptom.FEELS_UNWELL).disposition());
        assertEquals(COMMUNITY_24H, TriageCase.onDay(45).tempC(36.8).with(Symptom.FEELS_UNWELL).disposition());
    }
}
