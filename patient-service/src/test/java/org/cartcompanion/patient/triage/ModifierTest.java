package org.cartcompanion.patient.triage;

import static org.cartcompanion.patient.triage.Disposition.CENTER_NOW;
import static org.cartcompanion.patient.triage.Disposition.CENTER_SAME_DAY;
import static org.cartcompanion.patient.triage.Disposition.COMMUNITY_24H;
import static org.cartcompanion.patient.triage.Disposition.SELF_CARE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.cartcompanion.patient.patient.Disease;
import org.cartcompanion.patient.patient.Product;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every modifier of clinical-rules.md §4.4, each with a case where it applies (and raises) and the twin case just across its
 * boundary where it does not.
 */
class ModifierTest {

    static Stream<Arguments> modifiers() {
        return Stream.of(
                // M1: neutropenia, known or assumed.
                m("M1 ANC 499 on day 200, 38.0 °C", "M1", true, CENTER_NOW,
                        () -> TriageCase.onDay(200).anc(499, TriageCase.TODAY).tempC(38.0)),
                m("M1 ANC 500 on day 200, 38.0 °C", "M1", false, SELF_CARE,
                        () -> TriageCase.onDay(200).anc(500, TriageCase.TODAY).tempC(38.0)),
                m("M1 ANC 900 falling from 1400 four days before, day 200, 38.0 °C", "M1", true, CENTER_NOW,
                        () -> TriageCase.onDay(200).anc(900, TriageCase.TODAY).ancBefore(4, 1400).tempC(38.0)),
                m("M1 ANC 900 falling from 1400 seven days before", "M1", true, CENTER_NOW,
                        () -> TriageCase.onDay(200).anc(900, TriageCase.TODAY).ancBefore(7, 1400).tempC(38.0)),
                m("M1 ANC 900, the one before eight days older", "M1", false, SELF_CARE,
                        () -> TriageCase.onDay(200).anc(900, TriageCase.TODAY).ancBefore(8, 1400).tempC(38.0)),
                m("M1 ANC 900 rising from 700", "M1", false, SELF_CARE,
                        () -> TriageCase.onDay(200).anc(900, TriageCase.TODAY).ancBefore(3, 700).tempC(38.0)),
                m("M1 ANC 1000 falling is not below 1000", "M1", false, SELF_CARE,
                        () -> TriageCase.onDay(200).anc(1000, TriageCase.TODAY).ancBefore(3, 1800).tempC(38.0)),
                m("M1 falling compares with the latest earlier value, not the highest", "M1", false, SELF_CARE,
                        () -> TriageCase.onDay(200).anc(900, TriageCase.TODAY).ancBefore(5, 1500).ancBefore(2, 800)
                                .tempC(38.0)),
                m("M1 ICAHT active: an ANC 15 days old on day 200 counts as unknown", "M1", true, CENTER_NOW,
                        () -> TriageCase.onDay(200).anc(2000, TriageCase.TODAY.minusDays(15)).tempC(38.0)
                                .set(c -> c.icaht = true)),
                m("M1 ICAHT active: an ANC 14 days old is believed", "M1", false, SELF_CARE,
                        () -> TriageCase.onDay(200).anc(2000, TriageCase.TODAY.minusDays(14)).tempC(38.0)
                                .set(c -> c.icaht = true)),
                m("M1 ICAHT active on day 20: an ANC 8 days old is still stale", "M1", true, CENTER_NOW,
                        () -> TriageCase.onDay(20).anc(2000, TriageCase.TODAY.minusDays(8)).tempC(38.0)
                                .set(c -> c.icaht = true)),
                m("M1 unknown ANC on day 30 counts as neutropenic", "M1", true, CENTER_NOW,
                        () -> TriageCase.onDay(30).anc(null, null).tempC(38.0)),
                m("M1 ANC 8 days old on day 20 is stale", "M1", true, CENTER_NOW,
                        () -> TriageCase.onDay(20).anc(2000, TriageCase.TODAY.minusDays(8)).tempC(38.0)),
                m("M1 unknown ANC on day 31 (CD19) is not assumed", "M1", false, CENTER_NOW,
                        () -> TriageCase.onDay(31).anc(null, null).tempC(38.0)),
                m("M1/M7 unknown ANC on day 101 (BCMA) is assumed until day 100 only", "M1", false, SELF_CARE,
                        () -> TriageCase.onDay(101).product(Product.IDE_CEL).anc(null, null).tempC(38.0)),
                m("M1 unknown ANC on day 100 (BCMA) is assumed", "M1", true, CENTER_NOW,
                        () -> TriageCase.onDay(100).product(Product.IDE_CEL).anc(null, null).tempC(38.0)),
                // M2: profound neutropenia and low-grade temperature with a symptom.
                m("M2 ANC 99, 37.6 °C with cough", "M2", true, CENTER_NOW,
                        () -> TriageCase.onDay(40).anc(99, TriageCase.TODAY).tempC(37.6).with(Symptom.COUGH)),
                m("M2 ANC 100, 37.6 °C with cough", "M2", false, CENTER_SAME_DAY,
                        () -> TriageCase.onDay(40).anc(100, TriageCase.TODAY).tempC(37.6).with(Symptom.COUGH)),
                // M3: steroids within 14 days.
                m("M3 steroids 14 days ago, cough on day 200 (24H → SAME)", "M3", true, CENTER_SAME_DAY,
                        () -> TriageCase.onDay(200).with(Symptom.COUGH).set(c -> c.steroids = TriageCase.TODAY.minusDays(14))),
                m("M3 steroids 15 days ago", "M3", false, COMMUNITY_24H,
                        () -> TriageCase.onDay(200).with(Symptom.COUGH).set(c -> c.steroids = TriageCase.TODAY.minusDays(15))),
                m("M3 low-grade temperature counts as fever", "M3", true, CENTER_NOW,
                        () -> TriageCase.onDay(40).tempC(37.6).set(c -> c.steroids = TriageCase.TODAY.minusDays(3))),
                // M4: tocilizumab-blunted fever.
                m("M4 tocilizumab 10 days ago, unwell, HR 111, afebrile", "M4", true, CENTER_NOW,
                        () -> TriageCase.onDay(12).with(Symptom.FEELS_UNWELL).heartRate(111)
                                .set(c -> c.toci = TriageCase.TODAY.minusDays(10))),
                m("M4 tocilizumab 10 days ago, unwell, HR 110", "M4", false, CENTER_SAME_DAY,
                        () -> TriageCase.onDay(12).with(Symptom.FEELS_UNWELL).heartRate(110)
                                .set(c -> c.toci = TriageCase.TODAY.minusDays(10))),
                m("M4 tocilizumab, unwell, SBP 99", "M4", true, CENTER_NOW,
                        () -> TriageCase.onDay(12).with(Symptom.FEELS_UNWELL).sbp(99)
                                .set(c -> c.toci = TriageCase.TODAY.minusDays(1))),
                m("M4 applies with a fever too: day 200, 38.1 °C, unwell, HR 115", "M4", true, CENTER_NOW,
                        () -> TriageCase.onDay(200).tempC(38.1).with(Symptom.FEELS_UNWELL).heartRate(115)
                                .set(c -> c.toci = TriageCase.TODAY.minusDays(5))),
                // M5: low IgG raises respiratory rows to at most same-day in P3–P5.
                m("M5 IgG 399, cough on day 101 (24H → SAME)", "M5", true, CENTER_SAME_DAY,
                        () -> TriageCase.onDay(101).with(Symptom.COUGH).set(c -> c.igg = 399)),
                m("M5 IgG 400", "M5", false, COMMUNITY_24H,
                        () -> TriageCase.onDay(101).with(Symptom.COUGH).set(c -> c.igg = 400)),
                m("M5 two sinopulmonary infections in 182 days, cough on day 200", "M5", true, CENTER_SAME_DAY,
                        () -> TriageCase.onDay(200).with(Symptom.COUGH).infection(30, true, false).infection(182, true, false)),
                m("M5 the second infection 183 days ago", "M5", false, COMMUNITY_24H,
                        () -> TriageCase.onDay(200).with(Symptom.COUGH).infection(30, true, false).infection(183, true, false)),
                m("M5 a repeat of the same infection is not counted", "M5", false, COMMUNITY_24H,
                        () -> TriageCase.onDay(200).with(Symptom.COUGH).infection(30, true, false).infection(20, true, true)),
                m("M5 a urinary infection is not sinopulmonary", "M5", false, COMMUNITY_24H,
                        () -> TriageCase.onDay(200).with(Symptom.COUGH).infection(30, true, false).infection(20, false, false)),
                m("M5 IgG 250 but IVIG 20 days ago", "M5", false, COMMUNITY_24H,
                        () -> TriageCase.onDay(101).with(Symptom.COUGH)
                                .set(c -> {
                                    c.igg = 250;
                                    c.ivig = TriageCase.TODAY.minusDays(20);
                                })),
                // M6: severe CRS/ICANS history.
                m("M6 ICANS grade 2: delayed neuro on day 40 → NOW", "M6", true, CENTER_NOW,
                        () -> TriageCase.onDay(40).with(Symptom.NUMBNESS_TINGLING).set(c -> c.maxIcans = 2)),
                m("M6 ICANS grade 1", "M6", false, CENTER_SAME_DAY,
                        () -> TriageCase.onDay(40).with(Symptom.NUMBNESS_TINGLING).set(c -> c.maxIcans = 1)),
                m("M6 IEC-HS history: fever on day 200 → NOW", "M6", true, CENTER_NOW,
                        () -> TriageCase.onDay(200).tempC(38.0).set(c -> c.iecHs = true)),
                // M7: BCMA delayed-neuro watch.
                m("M7 cilta-cel, facial droop on day 365", "M7", true, CENTER_SAME_DAY,
                        () -> TriageCase.onDay(365).product(Product.CILTA_CEL).with(Symptom.FACIAL_DROOP)),
                m("M7 cilta-cel, facial droop on day 366", "M7", false, CENTER_SAME_DAY,
                        () -> TriageCase.onDay(366).product(Product.CILTA_CEL).with(Symptom.FACIAL_DROOP)),
                // M8: high-risk disease history: fever in P3–P4 → NOW.
                m("M8 B-ALL, 38.0 °C on day 200", "M8", true, CENTER_NOW,
                        () -> TriageCase.onDay(200).disease(Disease.B_ALL).tempC(38.0)),
                m("M8 4 prior lines, 38.3 °C on day 150", "M8", true, CENTER_NOW,
                        () -> TriageCase.onDay(150).tempC(38.3).set(c -> c.priorLines = 4)),
                m("M8 3 prior lines, 38.3 °C on day 150", "M8", false, CENTER_SAME_DAY,
                        () -> TriageCase.onDay(150).tempC(38.3).set(c -> c.priorLines = 3)),
                // M9: PJP.
                m("M9 off PJP prophylaxis, cough, SpO₂ 93", "M9", true, CENTER_NOW,
                        () -> TriageCase.onDay(200).with(Symptom.COUGH).spo2(93)
                                .set(c -> c.prophylaxis = new Prophylaxis(true, true, false, false))),
                m("M9 CD4 199, cough and exertional breathlessness", "M9", true, CENTER_NOW,
                        () -> TriageCase.onDay(200).with(Symptom.COUGH, Symptom.BREATHLESS_ON_EXERTION)
                                .set(c -> c.cd4 = 199)),
                m("M9 on PJP prophylaxis, CD4 200, cough only", "M9", false, COMMUNITY_24H,
                        () -> TriageCase.onDay(200).with(Symptom.COUGH).set(c -> c.cd4 = 200)),
                // M10: off antiviral prophylaxis with a vesicular rash.
                m("M10 off HSV/VZV prophylaxis, blisters", "M10", true, CENTER_SAME_DAY,
                        () -> TriageCase.onDay(200).with(Symptom.BLISTER_RASH)
                                .set(c -> c.prophylaxis = new Prophylaxis(true, false, true, false))),
                // M11: central line.
                m("M11 central line, 38.0 °C on day 200", "M11", true, CENTER_NOW,
                        () -> TriageCase.onDay(200).tempC(38.0).set(c -> c.centralLine = true)),
                m("M11 no central line", "M11", false, SELF_CARE, () -> TriageCase.onDay(200).tempC(38.0)),
                // M12: no caregiver in P1–P2.
                m("M12 no caregiver, cough on day 30 (SAME → NOW)", "M12", true, CENTER_NOW,
                        () -> TriageCase.onDay(30).with(Symptom.COUGH).set(c -> c.caregiver = false)),
                m("M12 no caregiver, cough on day 31", "M12", false, CENTER_SAME_DAY,
                        () -> TriageCase.onDay(31).with(Symptom.COUGH).set(c -> c.caregiver = false)),
                // M13: far from the center.
                m("M13 61 min away, fever on day 20", "M13", true, CENTER_NOW,
                        () -> TriageCase.onDay(20).tempC(38.5).set(c -> c.travel = 61)),
                m("M13 60 min away", "M13", false, CENTER_NOW, () -> TriageCase.onDay(20).tempC(38.5).set(c -> c.travel = 60)),
                // M14: age.
                m("M14 age 75, 4 stools on day 40 (24H → SAME)", "M14", true, CENTER_SAME_DAY,
                        () -> TriageCase.onDay(40).stools(4).set(c -> c.age = 75)),
                m("M14 age 74", "M14", false, COMMUNITY_24H, () -> TriageCase.onDay(40).stools(4).set(c -> c.age = 74)),
                m("M14 frail or comorbid at 60", "M14", true, CENTER_SAME_DAY,
                        () -> TriageCase.onDay(40).stools(4).set(c -> c.frail = true)));
    }

    static Arguments m(String name, String id, boolean fires, Disposition expected, Supplier<TriageCase> input) {
        return Arguments.of(name, id, fires, expected, input);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modifiers")
    void modifierAppliesAtItsBoundary(String name, String id, boolean fires, Disposition expected,
            Supplier<TriageCase> input) {
        TriageResult result = input.get().triage();
        assertEquals(expected, result.disposition(), () -> name + " fired " + result.firedRules());
        if (fires) {
            assertTrue(result.firedRules().contains(id), () -> name + " fired " + result.firedRules());
        } else {
            assertFalse(result.firedRules().contains(id), () -> name + " fired " + result.firedRules());
        }
    }
}
