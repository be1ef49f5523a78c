package org.cartcompanion.patient.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.cartcompanion.patient.patient.Product;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The rules a phone without signal uses (issue 20) against the engine itself: for the answers entered, the phone shows 911
 * exactly when the engine would, and never more than the engine would. Offline the phone has no earlier check-ins, so the
 * engine here has none either.
 */
class OfflineRulesTest {

    private static final Symptom[] SYMPTOMS = Symptom.values();

    /** What the phone does with the rules (app.js {@code offlineFloor}), in Java. */
    static Disposition floor(OfflineRules.Derived derived, TriageCase c) {
        Map<String, Object> answers = answers(c);
        Disposition best = Disposition.SELF_CARE;
        for (OfflineRules.Rule rule : derived.rules()) {
            if (rule.when().stream().allMatch(condition -> holds(condition, answers))) {
                best = Disposition.max(best, derived.results().get(rule.result()).disposition());
            }
        }
        return best;
    }

    static Map<String, Object> answers(TriageCase c) {
        Map<String, Object> answers = new HashMap<>();
        c.symptoms.forEach(s -> answers.put(s.name(), true));
        if (c.antipyretic != null) {
            answers.put(Question.ANTIPYRETIC_LAST_6H.code(), c.antipyretic);
        }
        if (c.temperature != null) {
            answers.put(Question.TEMPERATURE.code(), c.temperature.celsius());
        }
        put(answers, Question.SPO2, c.spo2);
        put(answers, Question.HEART_RATE, c.heartRate);
        put(answers, Question.SYSTOLIC_BP, c.systolicBp);
        put(answers, Question.RESPIRATORY_RATE, c.respiratoryRate);
        put(answers, Question.STOOLS_ABOVE_BASELINE, c.stools);
        put(answers, Question.ICE_SCORE, c.ice);
        return answers;
    }

    private static void put(Map<String, Object> answers, Question q, Integer value) {
        if (value != null) {
            answers.put(q.code(), value.doubleValue());
        }
    }

    static boolean holds(OfflineRules.Condition condition, Map<String, Object> answers) {
        Object answer = answers.get(condition.item());
        if (condition.equals() != null) {
            return condition.equals().equals(answer);
        }
        if (condition.notEquals() != null) {
            return !condition.notEquals().equals(answer);
        }
        return answer instanceof Double v && (condition.min() == null || v >= condition.min())
                && (condition.below() == null || v < condition.below());
    }

    private static OfflineRules.Derived derive(TriageCase c) {
        return OfflineRules.derive(c.context(), c.rules, c.language, TriageCase.NOW, true);
    }

    /** The patient and check-in fields of a generated case; the check-in is replaced below, earlier check-ins dropped. */
    @Provide
    Arbitrary<TriagePropertiesTest.Input> patients() {
        return new TriagePropertiesTest().inputs();
    }

    @Property(tries = 120)
    void theFloorShowsAnEmergencyExactlyWhenTheEngineWouldAndNeverClaimsMore(
            @ForAll("patients") TriagePropertiesTest.Input patient, @ForAll Random random) {
        TriageCase base = patient.build();
        base.earlier.clear();
        OfflineRules.Derived derived = derive(base);
        for (int i = 0; i < 150; i++) {
            TriageCase c = patient.build();
            c.earlier.clear();
            randomCheckIn(c, random);
            Disposition engine = c.disposition();
            Disposition offline = floor(derived, c);
            assertFalse(offline.isAbove(engine), () -> "offline " + offline + " above the engine's " + engine + " for "
                    + describe(c));
            assertEquals(engine == Disposition.EMERGENCY, offline == Disposition.EMERGENCY,
                    () -> "offline " + offline + ", engine " + engine + " for " + describe(c));
        }
    }

    @Test
    void everySingleAnswerAndEveryPairOfSymptomsGivesTheEnginesResult() {
        for (TriageCase base : List.of(TriageCase.onDay(5), TriageCase.onDay(40).product(Product.CILTA_CEL),
                TriageCase.onDay(400).set(c -> c.platelets = 30_000))) {
            OfflineRules.Derived derived = derive(base);
            for (int i = 0; i < SYMPTOMS.length; i++) {
                for (int j = i; j < SYMPTOMS.length; j++) {
                    TriageCase c = copy(base).noTemperature().with(SYMPTOMS[i], SYMPTOMS[j]);
                    assertEquals(c.disposition(), floor(derived, c), c.symptoms + " on day " + base.day);
                }
            }
            for (int tenths = 300; tenths <= 450; tenths++) {
                for (Boolean medicine : new Boolean[] { false, true, null }) {
                    TriageCase c = copy(base).tempC(tenths / 10.0).antipyretic(medicine);
                    assertEquals(c.disposition(), floor(derived, c), tenths / 10.0 + " °C, medicine " + medicine);
                }
            }
            for (int spo2 = 50; spo2 <= 100; spo2++) {
                TriageCase c = copy(base).noTemperature().spo2(spo2);
                assertEquals(c.disposition(), floor(derived, c), "SpO2 " + spo2);
            }
            for (int sbp = 40; sbp <= 300; sbp++) {
                TriageCase c = copy(base).noTemperature().sbp(sbp).with(Symptom.CONFUSION);
                assertEquals(c.disposition(), floor(derived, c), "SBP " + sbp + " with confusion");
            }
        }
    }

    @Test
    void everyEmergencyOfThreeSymptomsIsShown() {
        TriageCase base = TriageCase.onDay(10);
        OfflineRules.Derived derived = derive(base);
        int emergencies = 0;
        for (int i = 0; i < SYMPTOMS.length; i++) {
            for (int j = i + 1; j < SYMPTOMS.length; j++) {
                for (int k = j + 1; k < SYMPTOMS.length; k++) {
                    TriageCase c = copy(base).noTemperature().with(SYMPTOMS[i], SYMPTOMS[j], SYMPTOMS[k]);
                    if (c.disposition() == Disposition.EMERGENCY) {
                        emergencies++;
                        assertEquals(Disposition.EMERGENCY, floor(derived, c), c.symptoms::toString);
                    }
                }
            }
        }
        assertTrue(emergencies > 0);
    }

    @Test
    void aCentersThresholdBetweenTenthsIsABoundary() {
        TriageCase base = TriageCase.onDay(5).rules(RuleSet.withOverrides("c.v1", Map.of(Threshold.FEVER_C, 37.85)));
        OfflineRules.Derived derived = derive(base);
        assertEquals(copy(base).tempC(37.84).disposition(), floor(derived, copy(base).tempC(37.84)));
        assertEquals(Disposition.CENTER_NOW, floor(derived, copy(base).tempC(37.85)));
        // 100.1 °F is 37.83 °C and 100.2 °F 37.89 °C, between the probe points.
        TriageCase f = copy(base).temp(100.2, Temperature.Unit.F, Temperature.Method.ORAL);
        assertEquals(Disposition.CENTER_NOW, f.disposition());
        assertEquals(Disposition.CENTER_NOW, floor(derived, f));
    }

    private static TriageCase copy(TriageCase base) {
        TriageCase c = new TriageCase();
        c.day = base.day;
        c.product = base.product;
        c.platelets = base.platelets;
        c.rules = base.rules;
        c.temperature = null;
        c.antipyretic = false;
        return c;
    }

    private static void randomCheckIn(TriageCase c, Random random) {
        c.symptoms.clear();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            c.symptoms.add(SYMPTOMS[random.nextInt(SYMPTOMS.length)]);
        }
        c.temperature = random.nextInt(4) == 0 ? null
                : random.nextBoolean()
                        ? new Temperature(34 + random.nextInt(80) / 10.0, Temperature.Unit.C, Temperature.Method.ORAL)
                        : new Temperature(95 + random.nextInt(110) / 10.0, Temperature.Unit.F, Temperature.Method.ORAL);
        c.antipyretic = random.nextInt(3) == 0 ? null : random.nextBoolean();
        c.spo2 = random.nextInt(3) == 0 ? 80 + random.nextInt(21) : null;
        c.heartRate = random.nextInt(3) == 0 ? 40 + random.nextInt(140) : null;
        c.systolicBp = random.nextInt(3) == 0 ? 60 + random.nextInt(130) : null;
        c.respiratoryRate = random.nextInt(3) == 0 ? 8 + random.nextInt(33) : null;
        c.stools = random.nextInt(3) == 0 ? random.nextInt(12) : null;
        c.ice = random.nextInt(3) == 0 ? random.nextInt(11) : null;
    }

    private static String describe(TriageCase c) {
        List<String> parts = new ArrayList<>();
        parts.add("day " + c.day + " " + c.product);
        parts.add("symptoms " + c.symptoms);
        parts.add("temperature " + c.temperature + " medicine " + c.antipyretic);
        parts.add("spo2 " + c.spo2 + " hr " + c.heartRate + " sbp " + c.systolicBp + " rr " + c.respiratoryRate);
        parts.add("stools " + c.stools + " ice " + c.ice);
        parts.add("rules " + c.rules);
        return String.join("; ", parts);
    }
}
