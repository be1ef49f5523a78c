package org.cartcompanion.patient.triage;

import static org.cartcompanion.patient.triage.Disposition.CENTER_NOW;
import static org.cartcompanion.patient.triage.Disposition.EMERGENCY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** E1–E9 (clinical-rules.md §4.2) in every phase, and the boundaries of their numbers. */
class EmergencyRuleTest {

    static List<Arguments> rules() {
        return List.of(
                Arguments.of("E1", (Consumer<TriageCase>) c -> c.with(Symptom.UNRESPONSIVE)),
                Arguments.of("E2", (Consumer<TriageCase>) c -> c.with(Symptom.SEIZURE)),
                Arguments.of("E3", (Consumer<TriageCase>) c -> c.spo2(89)),
                Arguments.of("E3", (Consumer<TriageCase>) c -> c.respRate(30)),
                Arguments.of("E3", (Consumer<TriageCase>) c -> c.with(Symptom.SEVERE_BREATHING_DIFFICULTY)),
                Arguments.of("E4", (Consumer<TriageCase>) c -> c.with(Symptom.FAINTED)),
                Arguments.of("E4", (Consumer<TriageCase>) c -> c.sbp(79)),
                Arguments.of("E4", (Consumer<TriageCase>) c -> c.sbp(89).with(Symptom.CONFUSION)),
                Arguments.of("E4", (Consumer<TriageCase>) c -> c.sbp(89).with(Symptom.COLD_CLAMMY_SKIN)),
                Arguments.of("E4", (Consumer<TriageCase>) c -> c.with(Symptom.COLD_CLAMMY_SKIN, Symptom.CONFUSION)),
                Arguments.of("E5", (Consumer<TriageCase>) c -> c.with(Symptom.ONE_SIDED_WEAKNESS)),
                Arguments.of("E5", (Consumer<TriageCase>) c -> c.with(Symptom.SUDDEN_SLURRED_SPEECH)),
                Arguments.of("E6", (Consumer<TriageCase>) c -> c.with(Symptom.BLEEDING, Symptom.DIZZY_ON_STANDING)),
                Arguments.of("E6", (Consumer<TriageCase>) c -> c.with(Symptom.BLEEDING).set(x -> x.platelets = 49_999)),
                Arguments.of("E6", (Consumer<TriageCase>) c -> c.with(Symptom.HEAVY_BLEEDING)),
                Arguments.of("E6", (Consumer<TriageCase>) c -> c.with(Symptom.VOMITING_BLOOD)),
                Arguments.of("E6", (Consumer<TriageCase>) c -> c.with(Symptom.BLACK_STOOLS, Symptom.DIZZY_ON_STANDING)),
                Arguments.of("E6", (Consumer<TriageCase>) c -> c.with(Symptom.BLACK_STOOLS).set(x -> x.platelets = 49_999)),
                Arguments.of("E6", (Consumer<TriageCase>) c -> c.with(Symptom.HEAD_INJURY).set(x -> x.platelets = 49_999)),
                Arguments.of("E7", (Consumer<TriageCase>) c -> c.with(Symptom.CHEST_PAIN)),
                Arguments.of("E7", (Consumer<TriageCase>) c -> c.with(Symptom.PALPITATIONS, Symptom.FAINTED)),
                Arguments.of("E8", (Consumer<TriageCase>) c -> c.with(Symptom.FACE_THROAT_SWELLING)),
                Arguments.of("E8", (Consumer<TriageCase>) c -> c.with(Symptom.WHEEZE_OR_HIVES_AFTER_DRUG)),
                Arguments.of("E9", (Consumer<TriageCase>) c -> c.with(Symptom.ASCENDING_WEAKNESS, Symptom.CANNOT_SWALLOW)),
                Arguments.of("E9", (Consumer<TriageCase>) c -> c.with(Symptom.ASCENDING_WEAKNESS, Symptom.BREATHLESS_AT_REST)),
                Arguments.of("E9",
                        (Consumer<TriageCase>) c -> c.with(Symptom.ASCENDING_WEAKNESS, Symptom.BREATHLESS_ON_EXERTION)),
                Arguments.of("E9", (Consumer<TriageCase>) c -> c.with(Symptom.ASCENDING_WEAKNESS).spo2(93)),
                Arguments.of("E9", (Consumer<TriageCase>) c -> c.with(Symptom.ASCENDING_WEAKNESS).respRate(24)));
    }

    static Stream<Arguments> rulesInEveryPhase() {
        List<Arguments> all = new ArrayList<>();
        for (Arguments rule : rules()) {
            for (long day : new long[] { -3, 0, 14, 15, 30, 31, 100, 101, 365, 366, 3650 }) {
                all.add(Arguments.of(rule.get()[0], day, rule.get()[1]));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} on day {1}")
    @MethodSource("rulesInEveryPhase")
    @SuppressWarnings("unchecked")
    void emergencyInEveryPhase(String id, long day, Consumer<TriageCase> input) {
        TriageResult result = TriageCase.onDay(day).set(input).triage();
        assertEquals(EMERGENCY, result.disposition(), result.firedRules()::toString);
        assertTrue(result.firedRules().contains(id), result.firedRules()::toString);
        assertEquals("911", result.callNumber());
        assertTrue(result.alertRequested());
    }

    @Test
    void justAboveTheNumbersIsNotAnEmergency() {
        assertNotEquals(EMERGENCY, TriageCase.onDay(50).spo2(90).disposition());
        assertEquals(CENTER_NOW, TriageCase.onDay(50).spo2(90).disposition());
        assertNotEquals(EMERGENCY, TriageCase.onDay(50).respRate(29).disposition());
        assertNotEquals(EMERGENCY, TriageCase.onDay(50).sbp(80).disposition());
        assertNotEquals(EMERGENCY, TriageCase.onDay(50).sbp(90).with(Symptom.CONFUSION).disposition());
        assertNotEquals(EMERGENCY, TriageCase.onDay(50).with(Symptom.BLEEDING).set(c -> c.platelets = 50_000).disposition());
        assertNotEquals(EMERGENCY, TriageCase.onDay(50).with(Symptom.ASCENDING_WEAKNESS).disposition());
        assertNotEquals(EMERGENCY, TriageCase.onDay(50).with(Symptom.FACIAL_DROOP).disposition());
        assertNotEquals(EMERGENCY, TriageCase.onDay(50).with(Symptom.ASCENDING_WEAKNESS).spo2(94).disposition());
        assertNotEquals(EMERGENCY, TriageCase.onDay(50).with(Symptom.ASCENDING_WEAKNESS).respRate(23).disposition());
        assertNotEquals(EMERGENCY, TriageCase.onDay(50).with(Symptom.PALPITATIONS).disposition());
        assertNotEquals(EMERGENCY, TriageCase.onDay(50).with(Symptom.COLD_CLAMMY_SKIN).sbp(90).disposition());
        assertNotEquals(EMERGENCY, TriageCase.onDay(50).with(Symptom.BLACK_STOOLS).set(c -> c.platelets = 50_000)
                .disposition());
        assertNotEquals(EMERGENCY, TriageCase.onDay(50).with(Symptom.HEAD_INJURY).set(c -> c.platelets = 50_000)
                .disposition());
    }

    @Test
    void aHeadInjuryWithPlateletsUnknownEarlyIsAnEmergency() {
        // §10.5: unknown, or older than 7 days, while day ≤ 30.
        assertEquals(EMERGENCY, TriageCase.onDay(30).with(Symptom.HEAD_INJURY).platelets(null, null).disposition());
        assertEquals(EMERGENCY,
                TriageCase.onDay(20).with(Symptom.HEAD_INJURY).platelets(150_000, TriageCase.TODAY.minusDays(8))
                        .disposition());
        assertEquals(EMERGENCY, TriageCase.onDay(20).with(Symptom.HEAD_INJURY).platelets(150_000, null).disposition());
        assertEquals(Disposition.CENTER_SAME_DAY,
                TriageCase.onDay(20).with(Symptom.HEAD_INJURY).platelets(150_000, TriageCase.TODAY.minusDays(7))
                        .disposition());
        // Later, unknown platelets are not assumed low: the same-day row.
        assertEquals(Disposition.CENTER_SAME_DAY,
                TriageCase.onDay(31).with(Symptom.HEAD_INJURY).platelets(null, null).disposition());
        // A low count is believed whatever its age.
        assertEquals(EMERGENCY,
                TriageCase.onDay(200).with(Symptom.HEAD_INJURY).platelets(30_000, TriageCase.TODAY.minusDays(60))
                        .disposition());
    }

    @Test
    void spo2BoundariesAcrossTheRows() {
        assertEquals(EMERGENCY, TriageCase.onDay(200).spo2(89).disposition());
        assertEquals(CENTER_NOW, TriageCase.onDay(200).spo2(90).disposition());
        assertEquals(CENTER_NOW, TriageCase.onDay(200).spo2(93).disposition());
        assertEquals(Disposition.SELF_CARE, TriageCase.onDay(200).spo2(94).disposition());
        assertEquals(Disposition.COMMUNITY_24H,
                TriageCase.onDay(200).spo2(94).with(Symptom.BREATHLESS_ON_EXERTION).disposition());
        assertEquals(CENTER_NOW, TriageCase.onDay(200).spo2(93).with(Symptom.BREATHLESS_ON_EXERTION).disposition());
    }

    @Test
    void modifiersNeverMakeAnEmergency() {
        TriageResult result = TriageCase.onDay(5).tempC(39.5).with(Symptom.RIGORS, Symptom.COUGH)
                .anc(50, TriageCase.TODAY)
                .set(c -> {
                    c.steroids = TriageCase.TODAY;
                    c.centralLine = true;
                    c.age = 80;
                    c.caregiver = false;
                })
                .antipyretic(null)
                .triage();
        assertEquals(CENTER_NOW, result.disposition(), result.firedRules()::toString);
    }
}
