package org.cartcompanion.patient.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.cartcompanion.patient.patient.Product;
import org.cartcompanion.patient.timeline.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Phases from the patient's local date, with the product overrides of clinical-rules.md §1.2. */
class PhasesTest {

    private static final LocalDate INFUSION = LocalDate.of(2026, 1, 1);

    @ParameterizedTest(name = "day {0} → {1}")
    @CsvSource({ "-1, P0_PRE", "0, P1_ACUTE", "14, P1_ACUTE", "15, P2_EARLY", "30, P2_EARLY", "31, P3_INTERMEDIATE",
            "100, P3_INTERMEDIATE", "101, P4_LATE", "365, P4_LATE", "366, P5_LONG_TERM" })
    void canonicalBoundaries(long day, Phase expected) {
        assertEquals(expected, Phases.of(Product.AXI_CEL, INFUSION, null, INFUSION.plusDays(day)));
    }

    @Test
    void obeCelKeepsP1Until14DaysAfterTheSecondDose() {
        LocalDate secondDose = INFUSION.plusDays(10);
        assertEquals(Phase.P1_ACUTE, Phases.of(Product.OBE_CEL, INFUSION, secondDose, INFUSION.plusDays(24)));
        assertEquals(Phase.P2_EARLY, Phases.of(Product.OBE_CEL, INFUSION, secondDose, INFUSION.plusDays(25)));
        // Not recorded: the second dose is assumed on day 12, the late end of day 10 ± 2.
        assertEquals(Phase.P1_ACUTE, Phases.of(Product.OBE_CEL, INFUSION, null, INFUSION.plusDays(26)));
        assertEquals(Phase.P2_EARLY, Phases.of(Product.OBE_CEL, INFUSION, null, INFUSION.plusDays(27)));
        // A late second dose can carry P1 past day 30.
        assertEquals(Phase.P1_ACUTE, Phases.of(Product.OBE_CEL, INFUSION, INFUSION.plusDays(20), INFUSION.plusDays(34)));
        assertEquals(Phase.P3_INTERMEDIATE,
                Phases.of(Product.OBE_CEL, INFUSION, INFUSION.plusDays(20), INFUSION.plusDays(35)));
    }

    @Test
    void ciltaCelIsP1ForEveryRowUntilDay28() {
        Phases.Assessment day28 = Phases.assess(Product.CILTA_CEL, INFUSION, null, INFUSION.plusDays(28), RuleSet.DEFAULT);
        assertEquals(Phase.P1_ACUTE, day28.phase());
        Phases.Assessment day29 = Phases.assess(Product.CILTA_CEL, INFUSION, null, INFUSION.plusDays(29), RuleSet.DEFAULT);
        assertEquals(Phase.P2_EARLY, day29.phase());
        // §10.5: every row, not only fever and neuro: vomiting on day 20 is the P1 cell (NOW, not P2's same day), and the
        // check-in reports P1.
        TriageResult vomiting = TriageCase.onDay(20).product(Product.CILTA_CEL).with(Symptom.VOMITING_CANNOT_KEEP_FLUIDS)
                .triage();
        assertEquals(Disposition.CENTER_NOW, vomiting.disposition(), vomiting.firedRules()::toString);
        assertEquals(Phase.P1_ACUTE, vomiting.phase());

        // Delayed neuro on day 20 is the P1 cell (NOW), not the P2 cell (same day).
        TriageResult result = TriageCase.onDay(20).product(Product.CILTA_CEL).with(Symptom.SLOW_MOVEMENT).triage();
        assertEquals(Disposition.CENTER_NOW, result.disposition());
        assertTrue(result.firedRules().contains("DELAYED_NEURO_P1"), result.firedRules()::toString);
        assertEquals(Disposition.CENTER_SAME_DAY,
                TriageCase.onDay(20).product(Product.AXI_CEL).with(Symptom.SLOW_MOVEMENT).disposition());
    }

    @Test
    void ancBelow500UsesP2FeverRulesWhateverTheDay() {
        TriageResult result = TriageCase.onDay(400).anc(400, TriageCase.TODAY.minusDays(40)).tempC(38.0).triage();
        assertEquals(Disposition.CENTER_NOW, result.disposition());
        assertTrue(result.firedRules().contains("FEVER_P2"), result.firedRules()::toString);
        assertEquals(Phase.P5_LONG_TERM, result.phase());
    }

    @Test
    void bcmaProductsAreKnown() {
        assertTrue(Phases.isBcma(Product.IDE_CEL));
        assertTrue(Phases.isBcma(Product.CILTA_CEL));
        assertTrue(!Phases.isBcma(Product.AXI_CEL));
    }
}
