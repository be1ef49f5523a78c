package org.cartcompanion.patient.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.cartcompanion.patient.patient.Disease;
import org.cartcompanion.patient.patient.Product;
import org.cartcompanion.patient.triage.Temperature.Method;
import org.cartcompanion.patient.triage.Temperature.Unit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the engine over the whole input — every field of the check-in, the clinical status, the patient's earlier
 * check-ins, lab history and infections, and a center's overrides — generated independently: worse input never lowers the
 * disposition (clinical-rules.md §10.1), reporting a temperature never lowers it (§10.5), a fever never switches a row off,
 * only E1–E9 make an emergency, a fired temperature row always gives its recheck, and the same input gives the same result. A
 * counterexample jqwik finds is shrunk; keep it as a named case in {@link RegressionTest}.
 */
class TriagePropertiesTest {

    /** One generated setting of one field: its description (what a counterexample prints) and how to apply it. */
    record Step(String description, Consumer<TriageCase> apply) {

        @Override
        public String toString() {
            return description;
        }
    }

    /** A generated case: every field set by one step; built afresh for each evaluation so that changes never leak. */
    record Input(List<Step> steps) {

        TriageCase build() {
            TriageCase c = new TriageCase();
            steps.forEach(s -> s.apply().accept(c));
            return c;
        }

        Disposition disposition() {
            return build().disposition();
        }

        @Override
        public String toString() {
            return steps.stream().map(Step::description).collect(Collectors.joining("; "));
        }
    }

    static <T> Arbitrary<Step> field(String name, Arbitrary<T> values, BiConsumer<TriageCase, T> set) {
        return values.map(v -> new Step(name + "=" + v, c -> set.accept(c, v)));
    }

    /** A field that may also be unknown. */
    static <T> Arbitrary<Step> nullable(String name, Arbitrary<T> values, double nullProbability,
            BiConsumer<TriageCase, T> set) {
        return field(name, values.injectNull(nullProbability), set);
    }

    static Arbitrary<Integer> ints(int min, int max) {
        return Arbitraries.integers().between(min, max);
    }

    static Arbitrary<Boolean> bools() {
        return Arbitraries.of(true, false);
    }

    static Arbitrary<Set<Symptom>> symptoms(int max) {
        return Arbitraries.of(Symptom.class).set().ofMaxSize(max);
    }

    @Provide
    Arbitrary<Input> inputs() {
        List<Arbitrary<Step>> fields = new ArrayList<>();
        // The patient.
        fields.add(field("day", days(), (c, v) -> c.day = v));
        fields.add(field("product", Arbitraries.of(Product.class), (c, v) -> c.product = v));
        fields.add(field("disease", Arbitraries.of(Disease.class), (c, v) -> c.disease = v));
        fields.add(nullable("secondDoseDay", ints(8, 16), 0.5,
                (c, v) -> c.secondDose = v == null ? null : TriageCase.TODAY.minusDays(c.day).plusDays(v)));
        fields.add(nullable("age", ints(18, 95), 0.1, (c, v) -> c.age = v));
        // The check-in.
        fields.add(field("temperature", temperatures().injectNull(0.25), (c, v) -> c.temperature = v));
        fields.add(nullable("feverMedicine", bools(), 0.3, (c, v) -> c.antipyretic = v));
        fields.add(nullable("spo2", ints(80, 100), 0.4, (c, v) -> c.spo2 = v));
        fields.add(nullable("heartRate", ints(40, 170), 0.4, (c, v) -> c.heartRate = v));
        fields.add(nullable("systolicBp", ints(60, 190), 0.4, (c, v) -> c.systolicBp = v));
        fields.add(nullable("respiratoryRate", ints(8, 40), 0.5, (c, v) -> c.respiratoryRate = v));
        fields.add(field("symptoms", Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, symptoms(2)),
                net.jqwik.api.Tuple.of(1, symptoms(6))), (c, v) -> c.symptoms.addAll(v)));
        fields.add(nullable("stools", ints(0, 12), 0.5, (c, v) -> c.stools = v));
        fields.add(nullable("ice", ints(0, 10), 0.5, (c, v) -> c.ice = v));
        fields.add(field("earlier", earlierCheckIns(), (c, v) -> c.earlier.addAll(v)));
        // The clinical status and history.
        fields.add(nullable("anc", ints(0, 5000), 0.3, (c, v) -> c.anc = v));
        fields.add(nullable("ancDaysAgo", ints(0, 30), 0.2,
                (c, v) -> c.ancDate = v == null ? null : TriageCase.TODAY.minusDays(v)));
        fields.add(field("ancHistory", ancHistory(), (c, v) -> c.ancHistory.addAll(v)));
        fields.add(nullable("platelets", ints(5_000, 400_000), 0.3, (c, v) -> c.platelets = v));
        fields.add(nullable("plateletsDaysAgo", ints(0, 20), 0.2,
                (c, v) -> c.plateletsDate = v == null ? null : TriageCase.TODAY.minusDays(v)));
        fields.add(nullable("igg", ints(100, 1200), 0.3, (c, v) -> c.igg = v));
        fields.add(nullable("ivigDaysAgo", ints(0, 60), 0.6,
                (c, v) -> c.ivig = v == null ? null : TriageCase.TODAY.minusDays(v)));
        fields.add(nullable("cd4", ints(20, 900), 0.4, (c, v) -> c.cd4 = v));
        fields.add(nullable("steroidsDaysAgo", ints(0, 30), 0.6,
                (c, v) -> c.steroids = v == null ? null : TriageCase.TODAY.minusDays(v)));
        fields.add(nullable("tocilizumabDaysAgo", ints(0, 30), 0.6,
                (c, v) -> c.toci = v == null ? null : TriageCase.TODAY.minusDays(v)));
        fields.add(nullable("maxCrs", ints(0, 4), 0.3, (c, v) -> c.maxCrs = v));
        fields.add(nullable("maxIcans", ints(0, 4), 0.3, (c, v) -> c.maxIcans = v));
        fields.add(nullable("iecHs", bools(), 0.3, (c, v) -> c.iecHs = v));
        fields.add(nullable("icaht", bools(), 0.3, (c, v) -> c.icaht = v));
        fields.add(field("prophylaxis", prophylaxis(), (c, v) -> c.prophylaxis = v));
        fields.add(nullable("centralLine", bools(), 0.3, (c, v) -> c.centralLine = v));
        fields.add(nullable("caregiver", bools(), 0.3, (c, v) -> c.caregiver = v));
        fields.add(nullable("priorLines", ints(0, 8), 0.3, (c, v) -> c.priorLines = v));
        fields.add(nullable("priorAlloHct", bools(), 0.3, (c, v) -> c.priorAllo = v));
        fields.add(nullable("frail", bools(), 0.3, (c, v) -> c.frail = v));
        fields.add(nullable("baselineIce", ints(5, 10), 0.3, (c, v) -> c.baselineIce = v));
        fields.add(nullable("baselineSpo2", ints(88, 100), 0.5, (c, v) -> c.baselineSpo2 = v));
        fields.add(nullable("baselineSbp", ints(90, 170), 0.5, (c, v) -> c.baselineSbp = v));
        fields.add(nullable("travel", ints(0, 300), 0.3, (c, v) -> c.travel = v));
        fields.add(field("infections", infections(), (c, v) -> c.infections.addAll(v)));
        // The center's rules.
        fields.add(field("rules", ruleSets(), (c, v) -> c.rules = v));
        return Combinators.combine(fields).as(Input::new);
    }

    /** Days after infusion, half of them on either side of a phase or product boundary. */
    static Arbitrary<Long> days() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.of(-1L, 0L, 12L, 13L, 14L, 15L, 26L, 27L, 28L, 29L, 30L, 31L, 100L, 101L,
                        365L, 366L)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(-7, 800)));
    }

    /** Temperatures, half of them at or next to a threshold of the default table. */
    static Arbitrary<Temperature> temperatures() {
        Arbitrary<Double> values = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.of(35.9, 36.0, 37.4, 37.5, 37.7, 37.9, 38.0, 38.2, 38.3, 38.6)),
                net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(34.0, 41.5).ofScale(1)));
        Arbitrary<Temperature> celsius = Combinators.combine(values, Arbitraries.of(Method.class))
                .as((v, m) -> new Temperature(v, Unit.C, m));
        Arbitrary<Temperature> fahrenheit = Combinators.combine(Arbitraries.doubles().between(93.0, 106.5).ofScale(1),
                Arbitraries.of(Method.class)).as((v, m) -> new Temperature(v, Unit.F, m));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, celsius), net.jqwik.api.Tuple.of(1, fahrenheit));
    }

    static Arbitrary<List<PatientContext.Earlier>> earlierCheckIns() {
        Arbitrary<PatientContext.Earlier> one = Combinators.combine(ints(5, 1800),
                Arbitraries.doubles().between(36.0, 40.0).ofScale(1).injectNull(0.4), symptoms(3))
                .as((minutesAgo, celsius, symptoms) -> new PatientContext.Earlier(
                        TriageCase.NOW.minusSeconds(minutesAgo * 60L), celsius, symptoms));
        return one.list().ofMaxSize(4);
    }

    static Arbitrary<List<PatientContext.LabValue>> ancHistory() {
        return Combinators.combine(ints(1, 20), ints(0, 4000))
                .as((daysAgo, value) -> new PatientContext.LabValue(TriageCase.TODAY.minusDays(daysAgo), value))
                .list().ofMaxSize(3);
    }

    static Arbitrary<List<PatientContext.PastInfection>> infections() {
        return Combinators.combine(ints(0, 400), bools(), bools())
                .as((daysAgo, sino, repeat) -> new PatientContext.PastInfection(TriageCase.TODAY.minusDays(daysAgo), sino,
                        repeat))
                .list().ofMaxSize(3);
    }

    static Arbitrary<Prophylaxis> prophylaxis() {
        Arbitrary<Boolean> b = bools().injectNull(0.3);
        return Combinators.combine(b, b, b, b).as(Prophylaxis::new);
    }

    /** The default table, or a center's overrides of a few thresholds anywhere in their allowed ranges. */
    static Arbitrary<RuleSet> ruleSets() {
        Arbitrary<Map<Threshold, Double>> overrides = Arbitraries.of(Threshold.class).set().ofMaxSize(4)
                .flatMap(names -> {
                    List<Arbitrary<Double>> values = names.stream()
                            .map(t -> Arbitraries.doubles().between(t.min(), t.max()).ofScale(1).map(v -> v)).toList();
                    List<Threshold> order = List.copyOf(names);
                    return Combinators.combine(values).as(vs -> {
                        Map<Threshold, Double> map = new EnumMap<>(Threshold.class);
                        for (int i = 0; i < order.size(); i++) {
                            map.put(order.get(i), vs.get(i));
                        }
                        return map;
                    });
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just(RuleSet.DEFAULT)),
                net.jqwik.api.Tuple.of(1, overrides.map(o -> RuleSet.withOverrides("generated", o))));
    }

    /** One change that can only make the input worse (issue 13's list, and the other inputs the rules read). */
    record Worsening(String name, Consumer<TriageCase> change) {

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Every single change that can only make an input worse — issue 13's list (any symptom or the worse-over-hours flag, a
     * higher temperature, "yes" to fever medicine, any worse vital sign, a lower ANC, steroids, tocilizumab, a central line, no
     * caregiver, older age, ICAHT) and every other input the rules read — each at several sizes. Each generated input is
     * checked against all of them: a rare combination needs only the input to be generated, not also the one change.
     */
    static final List<Worsening> WORSENINGS = worsenings();

    static List<Worsening> worsenings() {
        List<Worsening> all = new ArrayList<>();
        for (Symptom s : Symptom.values()) {
            all.add(new Worsening("add " + s, c -> c.symptoms.add(s)));
        }
        for (double d : new double[] { 0.1, 0.2, 0.3, 0.5, 0.8, 1.5, 3.0 }) {
            all.add(new Worsening("temperature further from normal by " + d + " °C", c -> {
                if (c.temperature != null) {
                    double t = c.temperature.celsius();
                    c.temperature = new Temperature(t >= 37.0 ? t + d : t - d, Unit.C, c.temperature.method());
                }
            }));
        }
        for (int d : new int[] { 1, 2, 3, 6, 10 }) {
            all.add(new Worsening("SpO₂ lower by " + d, c -> c.spo2 = c.spo2 == null ? null : c.spo2 - d));
            all.add(new Worsening("respiratory rate higher by " + d,
                    c -> c.respiratoryRate = c.respiratoryRate == null ? null : c.respiratoryRate + d));
            all.add(new Worsening("more stools by " + d, c -> c.stools = c.stools == null ? d : c.stools + d));
            all.add(new Worsening("ICE lower by " + d, c -> c.ice = c.ice == null ? null : Math.max(0, c.ice - d)));
        }
        for (int d : new int[] { 1, 5, 15, 40 }) {
            all.add(new Worsening("heart rate higher by " + d,
                    c -> c.heartRate = c.heartRate == null ? null : c.heartRate + d));
            all.add(new Worsening("systolic BP lower by " + d,
                    c -> c.systolicBp = c.systolicBp == null ? null : c.systolicBp - d));
        }
        for (int d : new int[] { 1, 100, 400, 1500, 5000 }) {
            all.add(new Worsening("ANC lower by " + d, c -> c.anc = c.anc == null ? null : Math.max(0, c.anc - d)));
            all.add(new Worsening("IgG lower by " + d, c -> c.igg = c.igg == null ? null : Math.max(0, c.igg - d)));
            all.add(new Worsening("CD4 lower by " + d, c -> c.cd4 = c.cd4 == null ? null : Math.max(0, c.cd4 - d)));
            all.add(new Worsening("platelets lower by " + d * 40,
                    c -> c.platelets = c.platelets == null ? null : Math.max(0, c.platelets - d * 40)));
        }
        for (int d : new int[] { 1, 10, 25 }) {
            all.add(new Worsening("older by " + d, c -> c.age = c.age == null ? null : c.age + d));
        }
        for (int d : new int[] { 0, 7, 14 }) {
            LocalDate date = TriageCase.TODAY.minusDays(d);
            all.add(new Worsening("steroids " + d + " days ago (if more recent)",
                    c -> c.steroids = c.steroids == null || c.steroids.isBefore(date) ? date : c.steroids));
            all.add(new Worsening("tocilizumab " + d + " days ago (if more recent)",
                    c -> c.toci = c.toci == null || c.toci.isBefore(date) ? date : c.toci));
        }
        for (int minutes : new int[] { 120, 600, 1440 }) {
            all.add(new Worsening("every reported symptom also reported " + minutes + " min earlier",
                    c -> c.earlier.add(new PatientContext.Earlier(TriageCase.NOW.minusSeconds(minutes * 60L), null,
                            Set.copyOf(c.symptoms)))));
        }
        all.add(new Worsening("two sinopulmonary infections this month", c -> {
            c.infections.add(new PatientContext.PastInfection(TriageCase.TODAY.minusDays(10), true, false));
            c.infections.add(new PatientContext.PastInfection(TriageCase.TODAY.minusDays(20), true, false));
        }));
        all.addAll(List.of(
                new Worsening("fever medicine taken", c -> c.antipyretic = true),
                new Worsening("central line", c -> c.centralLine = true),
                new Worsening("no caregiver", c -> c.caregiver = false),
                new Worsening("ICAHT active", c -> c.icaht = true),
                new Worsening("frail or comorbid", c -> c.frail = true),
                new Worsening("no IVIG", c -> c.ivig = null),
                new Worsening("CRS grade 3 history", c -> c.maxCrs = 3),
                new Worsening("ICANS grade 3 history", c -> c.maxIcans = 3),
                new Worsening("IEC-HS history", c -> c.iecHs = true),
                new Worsening("B-ALL", c -> c.disease = Disease.B_ALL),
                new Worsening("prior allo-HCT", c -> c.priorAllo = true),
                new Worsening("five prior lines", c -> c.priorLines = 5),
                new Worsening("off antibacterial prophylaxis",
                        c -> c.prophylaxis = new Prophylaxis(false, c.prophylaxis.antiviralHsvVzv(), c.prophylaxis.pjp(),
                                c.prophylaxis.antifungal())),
                new Worsening("off HSV/VZV prophylaxis",
                        c -> c.prophylaxis = new Prophylaxis(c.prophylaxis.antibacterial(), false, c.prophylaxis.pjp(),
                                c.prophylaxis.antifungal())),
                new Worsening("off PJP prophylaxis",
                        c -> c.prophylaxis = new Prophylaxis(c.prophylaxis.antibacterial(), c.prophylaxis.antiviralHsvVzv(),
                                false, c.prophylaxis.antifungal())),
                new Worsening("far from the center", c -> c.travel = 240)));
        return List.copyOf(all);
    }

    @Property(tries = 10_000)
    void worseInputNeverLowersTheDisposition(@ForAll("inputs") Input input) {
        Disposition before = input.disposition();
        for (Worsening worse : WORSENINGS) {
            Disposition after = input.build().set(worse.change()).disposition();
            assertFalse(before.isAbove(after), () -> worse + " lowered " + before + " to " + after + " for " + input);
        }
    }

    /** Readings on either side of every temperature threshold of the default table, oral, non-oral and in °F. */
    static final List<Temperature> READINGS = readings();

    static List<Temperature> readings() {
        List<Temperature> all = new ArrayList<>();
        for (double celsius : new double[] { 33.9, 35.9, 36.0, 36.8, 37.4, 37.5, 37.9, 38.0, 38.2, 38.3, 39.5 }) {
            all.add(new Temperature(celsius, Unit.C, Method.ORAL));
        }
        for (Method method : new Method[] { Method.AXILLARY, Method.TEMPORAL, Method.WEARABLE }) {
            all.add(new Temperature(37.7, Unit.C, method));
            all.add(new Temperature(38.4, Unit.C, method));
        }
        all.add(new Temperature(93.0, Unit.F, Method.ORAL));
        all.add(new Temperature(100.4, Unit.F, Method.ORAL));
        return List.copyOf(all);
    }

    /**
     * Each input as generated and with each symptom that makes a missing temperature a red flag (G2) added, since those are
     * where a missing temperature changes the rules; every reading must give at least what no reading gave.
     */
    @Property(tries = 10_000)
    void reportingATemperatureNeverLowersTheResult(@ForAll("inputs") Input input) {
        List<Symptom> variants = new ArrayList<>();
        variants.add(null);
        variants.addAll(List.of(Symptom.FEELS_UNWELL, Symptom.RIGORS, Symptom.BREATHLESS_AT_REST,
                Symptom.BREATHLESS_ON_EXERTION, Symptom.SEVERE_BREATHING_DIFFICULTY));
        for (Symptom added : variants) {
            Consumer<TriageCase> add = c -> {
                if (added != null) {
                    c.symptoms.add(added);
                }
            };
            Disposition before = input.build().set(add).noTemperature().disposition();
            for (Temperature reading : READINGS) {
                Disposition after = input.build().set(add).set(c -> c.temperature = reading).disposition();
                assertFalse(before.isAbove(after), () -> "reporting " + reading + " lowered " + before + " to " + after
                        + " with " + added + " added to " + input);
            }
        }
    }

    @Property(tries = 3000)
    void aFeverNeverSwitchesARowOff(@ForAll("inputs") Input input, @ForAll("fevers") double celsius) {
        TriageCase base = input.build();
        double fever = Math.max(celsius, base.rules.get(Threshold.FEVER_C));
        if (base.temperature != null && base.temperature.celsius() >= fever) {
            return; // already as febrile: nothing is added
        }
        TriageResult without = base.triage();
        TriageResult with = input.build().set(c -> c.temperature = new Temperature(fever, Unit.C, Method.ORAL)).triage();
        for (String id : without.firedRules()) {
            if (isMatrixRow(id) && !id.startsWith("TEMP_BORDERLINE") && !id.startsWith("LOW_TEMP")
                    && !id.startsWith("FEVER_") && !id.startsWith("DIARRHEA_")) {
                assertTrue(with.firedRules().contains(id),
                        () -> celsius + " °C switched off " + id + ": " + without.firedRules()
                                + " became " + with.firedRules() + " for " + input);
            }
        }
        assertFalse(without.disposition().isAbove(with.disposition()));
    }

    @Provide
    Arbitrary<Double> fevers() {
        return Arbitraries.doubles().between(38.0, 41.0).ofScale(1);
    }

    static boolean isMatrixRow(String id) {
        for (MatrixRow row : MatrixRow.values()) {
            if (id.startsWith(row.name() + "_")) {
                return true;
            }
        }
        return false;
    }

    @Property(tries = 3000)
    void onlyEmergencyRulesMakeAnEmergency(@ForAll("inputs") Input input) {
        TriageResult result = input.build().triage();
        boolean emergencyRule = result.firedRules().stream().anyMatch(id -> id.matches("E[1-9]"));
        assertEquals(emergencyRule, result.disposition() == Disposition.EMERGENCY, () -> result.firedRules() + " for " + input);
        assertEquals(result.disposition() != Disposition.SELF_CARE, result.alertRequested());
    }

    @Property(tries = 2000)
    void emergencySignsWinWhateverThePhaseAndModifiers(@ForAll("inputs") Input input, @ForAll("emergencySigns") Symptom sign) {
        assertEquals(Disposition.EMERGENCY, input.build().with(sign).disposition(), () -> sign + " with " + input);
    }

    @Provide
    Arbitrary<Symptom> emergencySigns() {
        return Arbitraries.of(Symptom.UNRESPONSIVE, Symptom.SEIZURE, Symptom.FAINTED, Symptom.ONE_SIDED_WEAKNESS,
                Symptom.CHEST_PAIN, Symptom.FACE_THROAT_SWELLING, Symptom.SEVERE_BREATHING_DIFFICULTY,
                Symptom.SUDDEN_SLURRED_SPEECH, Symptom.HEAVY_BLEEDING, Symptom.VOMITING_BLOOD,
                Symptom.WHEEZE_OR_HIVES_AFTER_DRUG);
    }

    @Property(tries = 3000)
    void aFiredTemperatureRowAlwaysGivesItsRecheck(@ForAll("inputs") Input input) {
        TriageResult result = input.build().triage();
        boolean temperatureRow = result.firedRules().stream()
                .anyMatch(id -> id.startsWith("TEMP_BORDERLINE_") || id.equals("FEVER_P4P5"));
        if (temperatureRow) {
            assertNotNull(result.recheckMinutes(), () -> result.firedRules() + " for " + input);
            assertTrue(result.instructions().contains("temperature"), result::instructions);
        }
    }

    @Property(tries = 2000)
    void unwellWithoutATemperatureIsSeenAndAskedForOne(@ForAll("inputs") Input input,
            @ForAll("needsATemperature") Symptom sign) {
        TriageCase c = input.build().noTemperature().with(sign);
        TriageResult result = c.triage();
        boolean early = MatrixRow.Column.of(result.phase()).ordinal() <= MatrixRow.Column.P2.ordinal();
        Disposition floor = early ? Disposition.CENTER_SAME_DAY : Disposition.COMMUNITY_24H;
        assertFalse(floor.isAbove(result.disposition()), () -> result.firedRules() + " for " + input);
        assertTrue(result.advice().contains(Advice.TAKE_TEMPERATURE_NOW));
        assertTrue(result.firedRules().contains("G2"));
    }

    @Provide
    Arbitrary<Symptom> needsATemperature() {
        return Arbitraries.of(Symptom.FEELS_UNWELL, Symptom.RIGORS, Symptom.BREATHLESS_AT_REST,
                Symptom.BREATHLESS_ON_EXERTION, Symptom.SEVERE_BREATHING_DIFFICULTY);
    }

    @Property(tries = 1000)
    void theSameInputAlwaysGivesTheSameResult(@ForAll("inputs") Input input) {
        assertEquals(input.build().triage(), input.build().triage());
    }
}
