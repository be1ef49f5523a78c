package org.cartcompanion.patient.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The rule table as data, and a center's threshold overrides. */
class RuleSetTest {

    @Test
    void aCenterOverrideChangesTheThresholdAndIsRecordedInTheResult() {
        RuleSet strict = RuleSet.withOverrides("center-7.v3", Map.of(Threshold.FEVER_C, 37.8));
        TriageResult result = TriageCase.onDay(5).tempC(37.8).rules(strict).triage();
        assertEquals(Disposition.CENTER_NOW, result.disposition());
        assertEquals("default-2+center-7.v3", result.ruleSetVersion());
        assertEquals(Disposition.SELF_CARE, TriageCase.onDay(5).tempC(37.8).disposition());
    }

    @Test
    void overridesOutsideTheAllowedRangeAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> RuleSet.withOverrides("c.v1", Map.of(Threshold.FEVER_C, 40.0)));
        assertThrows(IllegalArgumentException.class,
                () -> RuleSet.withOverrides("c.v1", Map.of(Threshold.SPO2_EMERGENCY, 50.0)));
        assertThrows(IllegalArgumentException.class,
                () -> RuleSet.withOverrides("c.v1", Map.of(Threshold.FEVER_C, Double.NaN)));
        assertSame(RuleSet.DEFAULT, RuleSet.withOverrides("c.v1", Map.of()));
    }

    @Test
    void everyDefaultLiesWithinItsOwnRange() {
        for (Threshold t : Threshold.values()) {
            assertTrue(t.min() <= t.defaultValue() && t.defaultValue() <= t.max(), t.name());
            assertTrue(!t.description().isBlank() && !t.unit().isBlank(), t.name());
            assertEquals(t.defaultValue(), RuleSet.DEFAULT.get(t));
        }
    }

    @Test
    void ruleIdsAreUniqueAndStable() {
        List<String> ids = TriageEngine.allRuleIds();
        assertEquals(ids.size(), new HashSet<>(ids).size());
        assertTrue(ids.containsAll(List.of("E1", "E9", "M1", "M14", "G2", "G3", "FEVER_P1", "FEVER_P4P5")));
        assertEquals(9 + MatrixRow.values().length * 4 + 14 + 2, ids.size());
        for (EmergencyRule e : EmergencyRule.values()) {
            assertTrue(!e.description().isBlank());
        }
        for (Modifier m : Modifier.values()) {
            assertTrue(!m.description().isBlank());
        }
        for (GlobalRule g : GlobalRule.values()) {
            assertTrue(!g.description().isBlank());
        }
        for (MatrixRow row : MatrixRow.values()) {
            assertTrue(!row.description().isBlank() && row.group() != null);
        }
    }

    @Test
    void dispositionsOrderAndRaise() {
        assertTrue(Disposition.EMERGENCY.isAbove(Disposition.CENTER_NOW));
        assertEquals(Disposition.EMERGENCY, Disposition.EMERGENCY.raised());
        assertEquals(Disposition.CENTER_SAME_DAY, Disposition.COMMUNITY_24H.raised());
        assertEquals(Disposition.CENTER_NOW, Disposition.max(Disposition.SELF_CARE, Disposition.CENTER_NOW));
    }
}
