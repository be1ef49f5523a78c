package org.cartcompanion.patient.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.cartcompanion.patient.patient.Product;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the engine over generated patients and check-ins: worse input never lowers the disposition, emergencies always
 * win, and the same input always gives the same result.
 */
class TriagePropertiesTest {

    private static final Set<Symptom> EMERGENCY_ALONE = EnumSet.of(Symptom.UNRESPONSIVE, Symptom.SEIZURE, Symptom.FAINTED,
            Symptom.ONE_SIDED_WEAKNESS, Symptom.CHEST_PAIN, Symptom.FACE_THROAT_SWELLING);

    /** A generated case; built afresh for each evaluation so that changes never leak. */
    record Input(long day, Product product, Double tempC, Boolean antipyretic, Integer spo2, Integer hr, Integer sbp,
            Integer rr,
            Integer stools, Integer ice, Set<Symptom> symptoms, Integer anc, Integer age, boolean steroids, boolean centralLine,
            Boolean caregiver, Integer igg) {

        TriageCase build() {
            TriageCase c = TriageCase.onDay(day).product(product).antipyretic(antipyretic).spo2(spo2).heartRate(hr).sbp(sbp)
                    .respRate(rr).stools(stools).ice(ice);
            if (tempC == null) {
                c.noTemperature();
            } else {
                c.tempC(tempC);
            }
            c.symptoms.addAll(symptoms);
            c.anc(anc, anc == null ? null : TriageCase.TODAY.minusDays(2));
            c.age = age;
            c.steroids = steroids ? TriageCase.TODAY.minusDays(3) : null;
            c.centralLine = centralLine;
            c.caregiver = caregiver;
            c.igg = igg;
            return c;
        }

        Disposition disposition() {
            return build().disposition();
        }
    }

    @Provide
    Arbitrary<Input> inputs() {
        Arbitrary<Long> day = Arbitraries.longs().between(-5, 800);
        Arbitrary<Product> product = Arbitraries.of(Product.class);
        Arbitrary<java.util.Optional<Double>> temp = Arbitraries.doubles().between(35.0, 41.0).ofScale(1).optional(0.8);
        Arbitrary<java.util.Optional<Boolean>> antipyretic = Arbitraries.of(true, false).optional(0.7);
        Arbitrary<java.util.Optional<Integer>> spo2 = Arbitraries.integers().between(80, 100).optional(0.6);
        Arbitrary<java.util.Optional<Integer>> hr = Arbitraries.integers().between(50, 160).optional(0.6);
        Arbitrary<java.util.Optional<Integer>> sbp = Arbitraries.integers().between(70, 160).optional(0.6);
        Arbitrary<java.util.Optional<Integer>> rr = Arbitraries.integers().between(10, 35).optional(0.5);
        Arbitrary<java.util.Optional<Integer>> stools = Arbitraries.integers().between(0, 10).optional(0.5);
        Arbitrary<java.util.Optional<Integer>> ice = Arbitraries.integers().between(0, 10).optional(0.5);
        Arbitrary<Set<Symptom>> symptoms = Arbitraries.of(Symptom.class).set().ofMaxSize(4);
        Arbitrary<java.util.Optional<Integer>> anc = Arbitraries.integers().between(0, 4000).optional(0.7);
        Arbitrary<Integer> age = Arbitraries.integers().between(18, 90);
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        Arbitrary<java.util.Optional<Boolean>> caregiver = Arbitraries.of(true, false).optional(0.7);
        Arbitrary<java.util.Optional<Integer>> igg = Arbitraries.integers().between(100, 1200).optional(0.7);
        return Combinators.combine(
                Combinators.combine(day, product, temp, antipyretic, spo2, hr, sbp, rr).as(List::<Object> of),
                Combinators.combine(stools, ice, symptoms, anc, age, flag, flag, caregiver).as(List::<Object> of),
                igg)
                .as((a, b, g) -> new Input((Long) a.get(0), (Product) a.get(1), or(a.get(2)), or(a.get(3)), or(a.get(4)),
                        or(a.get(5)), or(a.get(6)), or(a.get(7)), or(b.get(0)), or(b.get(1)), castSymptoms(b.get(2)),
                        or(b.get(3)), (Integer) b.get(4), (Boolean) b.get(5), (Boolean) b.get(6), or(b.get(7)),
                        g.orElse(null)));
    }

    /** An optional generated value, or null: jqwik's combinators do not carry nulls themselves. */
    @SuppressWarnings("unchecked")
    private static <T> T or(Object optional) {
        return ((java.util.Optional<T>) optional).orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Set<Symptom> castSymptoms(Object o) {
        return (Set<Symptom>) o;
    }

    /** Ways to make one input worse. */
    @Provide
    Arbitrary<Worsening> worsenings() {
        return Arbitraries.oneOf(
                Arbitraries.of(Symptom.class).map(s -> new Worsening("add " + s, c -> c.symptoms.add(s))),
                Arbitraries.doubles().between(0.1, 2.0).ofScale(1)
                        .map(d -> new Worsening("temperature further from normal by " + d,
                                c -> {
                                    if (c.temperature != null) {
                                        double t = c.temperature.celsius();
                                        c.tempC(t >= 37.0 ? t + d : t - d);
                                    }
                                })),
                Arbitraries.integers().between(1, 10).map(d -> new Worsening("SpO₂ lower by " + d,
                        c -> c.spo2 = c.spo2 == null ? null : c.spo2 - d)),
                Arbitraries.integers().between(1, 30).map(d -> new Worsening("heart rate higher by " + d,
                        c -> c.heartRate = c.heartRate == null ? null : c.heartRate + d)),
                Arbitraries.integers().between(1, 30).map(d -> new Worsening("systolic BP lower by " + d,
                        c -> c.systolicBp = c.systolicBp == null ? null : c.systolicBp - d)),
                Arbitraries.integers().between(1, 10).map(d -> new Worsening("respiratory rate higher by " + d,
                        c -> c.respiratoryRate = c.respiratoryRate == null ? null : c.respiratoryRate + d)),
                Arbitraries.integers().between(1, 5).map(d -> new Worsening("more stools by " + d,
                        c -> c.stools = c.stools == null ? d : c.stools + d)),
                Arbitraries.integers().between(1, 5).map(d -> new Worsening("ICE lower by " + d,
                        c -> c.ice = c.ice == null ? null : Math.max(0, c.ice - d))),
                Arbitraries.integers().between(1, 2000).map(d -> new Worsening("ANC lower by " + d,
                        c -> c.anc = c.anc == null ? null : Math.max(0, c.anc - d))),
                Arbitraries.of(new Worsening("fever medicine taken", c -> c.antipyretic = true),
                        new Worsening("steroids recently", c -> c.steroids = TriageCase.TODAY.minusDays(1)),
                        new Worsening("tocilizumab recently", c -> c.toci = TriageCase.TODAY.minusDays(1)),
                        new Worsening("central line", c -> c.centralLine = true),
                        new Worsening("no caregiver", c -> c.caregiver = false),
                        new Worsening("older", c -> c.age = c.age + 20),
                        new Worsening("IgG low", c -> c.igg = 200),
                        new Worsening("platelets low", c -> c.platelets = 10_000),
                        new Worsening("ICANS grade 3 history", c -> c.maxIcans = 3),
                        new Worsening("IEC-HS history", c -> c.iecHs = true),
                        new Worsening("off PJP prophylaxis", c -> c.prophylaxis = new Prophylaxis(true, true, false, false)),
                        new Worsening("off antiviral prophylaxis",
                                c -> c.prophylaxis = new Prophylaxis(true, false, true, false)),
                        new Worsening("far from the center", c -> c.travel = 240)));
    }

    record Worsening(String name, Consumer<TriageCase> change) {

        @Override
        public String toString() {
            return name;
        }
    }

    @Property(tries = 3000)
    void worseInputNeverLowersTheDisposition(@ForAll("inputs") Input input, @ForAll("worsenings") Worsening worse) {
        Disposition before = input.disposition();
        Disposition after = input.build().set(worse.change()).disposition();
        assertFalse(before.isAbove(after), () -> worse + " lowered " + before + " to " + after + " for " + input);
    }

    @Property(tries = 1000)
    void emergencyRulesWinWhateverThePhaseAndModifiers(@ForAll("inputs") Input input, @ForAll("emergencySigns") Symptom sign) {
        TriageCase c = input.build().with(sign);
        assertEquals(Disposition.EMERGENCY, c.disposition(), () -> sign + " with " + input);
    }

    @Provide
    Arbitrary<Symptom> emergencySigns() {
        return Arbitraries.of(EMERGENCY_ALONE);
    }

    @Property(tries = 1000)
    void theSameInputAlwaysGivesTheSameResult(@ForAll("inputs") Input input) {
        assertEquals(input.build().triage(), input.build().triage());
    }
}
