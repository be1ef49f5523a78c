package org.cartcompanion.patient.triage;

import static org.cartcompanion.patient.triage.Disposition.CENTER_NOW;
import static org.cartcompanion.patient.triage.Disposition.CENTER_SAME_DAY;
import static org.cartcompanion.patient.triage.Disposition.COMMUNITY_24H;
import static org.cartcompanion.patient.triage.Disposition.EMERGENCY;
import static org.cartcompanion.patient.triage.Disposition.SELF_CARE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.cartcompanion.patient.patient.Product;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** clinical-rules.md §4.5, every worked example. */
class WorkedExamplesTest {

    static Stream<Arguments> examples() {
        return Stream.of(
                example("Day 5, axi-cel, 38.1 °C, nothing else", CENTER_NOW, "FEVER_P1",
                        () -> TriageCase.onDay(5).tempC(38.1)),
                example("Day 9, cilta-cel, slower to answer, wrote a sentence badly", CENTER_NOW, "NEURO_P1",
                        () -> TriageCase.onDay(9).product(Product.CILTA_CEL)
                                .with(Symptom.UNUSUAL_SLEEPINESS, Symptom.HANDWRITING_CHANGE)),
                example("Day 22, liso-cel, ANC 300, 38.0 °C once", CENTER_NOW, "M1",
                        () -> TriageCase.onDay(22).product(Product.LISO_CEL).anc(300, TriageCase.TODAY).tempC(38.0)),
                example("Day 60, tisa-cel, cough, afebrile, SpO₂ 97 %, IgG 250, no IVIG", CENTER_SAME_DAY, "COUGH_P3",
                        () -> TriageCase.onDay(60).product(Product.TISA_CEL).with(Symptom.COUGH).spo2(97)
                                .set(c -> c.igg = 250)),
                example("Day 180, axi-cel, runny nose and cough, afebrile, IgG 600, ANC 2100", COMMUNITY_24H, "URI_P4P5",
                        () -> TriageCase.onDay(180).with(Symptom.RUNNY_NOSE_SORE_THROAT, Symptom.COUGH)
                                .set(c -> c.igg = 600).anc(2100, TriageCase.TODAY.minusDays(20))),
                example("Day 200, ide-cel, 38.4 °C, rigors", CENTER_NOW, "FEVER_P4P5",
                        () -> TriageCase.onDay(200).product(Product.IDE_CEL).tempC(38.4).with(Symptom.RIGORS)),
                example("Any day, seizure", EMERGENCY, "E2", () -> TriageCase.onDay(730).with(Symptom.SEIZURE)),
                // Mild fatigue is not a symptom code (the form asks only about severe fatigue): nothing to report.
                example("Day 400, mild fatigue", SELF_CARE, null, () -> TriageCase.onDay(400)));
    }

    static Arguments example(String name, Disposition expected, String rule, Supplier<TriageCase> input) {
        return Arguments.of(name, expected, rule, input);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("examples")
    void workedExample(String name, Disposition expected, String rule, Supplier<TriageCase> input) {
        TriageResult result = input.get().triage();
        assertEquals(expected, result.disposition(), () -> name + " fired " + result.firedRules());
        if (rule == null) {
            assertTrue(result.firedRules().isEmpty(), () -> name + " fired " + result.firedRules());
        } else {
            assertTrue(result.firedRules().contains(rule), () -> name + " fired " + result.firedRules());
        }
        assertEquals(RuleSet.DEFAULT_VERSION, result.ruleSetVersion());
    }
}
