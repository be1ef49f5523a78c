package org.cartcompanion.patient.triage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.cartcompanion.patient.patient.Language;

/**
 * What a phone without signal can say at once about the answers entered (issue 20): the rule table, worked out for one patient
 * as plain conditions on the answers. Derived by asking the engine itself, so it cannot drift from it: every single answer
 * (each symptom, each band of every measurement in which the engine's result stays the same) and every pair of answers whose
 * result is above both of its parts. Every emergency rule (E1–E9) needs at most two answers, so an emergency reached by the
 * entered answers is always shown; a rule never claims more than the engine would for answers that meet it (the engine never
 * lowers a disposition for a worse input). Earlier check-ins are left out: the phone keeps the rules for hours, when those no
 * longer count. The engine's answer, once sent, is the one that stands.
 */
public final class OfflineRules {

    /**
     * One condition on an answer: a symptom or yes/no question answered {@code equals} (or anything but {@code notEquals},
     * unanswered included), or a measurement at or above {@code min} and below {@code below} (either may be absent).
     * Temperatures are in °C, rounded to 0.01 as the engine rounds a °F reading.
     */
    public record Condition(String item, Boolean equals, Boolean notEquals, Double min, Double below) {

        static Condition yes(String item) {
            return new Condition(item, true, null, null, null);
        }

        static Condition notNo(String item) {
            return new Condition(item, null, false, null, null);
        }

        static Condition range(String item, Double min, Double below) {
            return new Condition(item, null, null, min, below);
        }
    }

    /** The disposition the engine gives, its instructions and the number to call. */
    public record Result(Disposition disposition, String instructions, String callNumber) {
    }

    /** When every condition holds, the answers mean at least {@code results[result]}. */
    public record Rule(List<Condition> when, int result) {
    }

    /** The rules, the distinct results they point at, and what a single yes to each symptom gives on its own. */
    public record Derived(List<Rule> rules, List<Result> results, Map<Symptom, Disposition> alone) {
    }

    /** A measurement the engine reads, probed over its whole range. */
    private record Measure(Question question, int from, int to, double scale) {

        double value(int step) {
            return step / scale;
        }
    }

    /** A run of probe points in which the engine answers alike, alone and with every symptom. */
    private record Band(Measure measure, double min, Double below) {

        Condition condition() {
            return Condition.range(measure.question().code(), min, below);
        }
    }

    private final TriageEngine engine = new TriageEngine();
    private final PatientContext context;
    private final RuleSet rules;
    private final Language language;
    private final Instant at;
    private final Map<String, Integer> resultIndex = new LinkedHashMap<>();
    private final List<Result> results = new ArrayList<>();
    private final List<Rule> derived = new ArrayList<>();

    private OfflineRules(PatientContext context, RuleSet rules, Language language, Instant at) {
        this.context = new PatientContext(context.product(), context.disease(), context.infusionDate(),
                context.secondDoseDate(), context.today(), context.ageYears(), context.status(), List.of(),
                context.ancHistory(), context.infections(), context.centerPhone());
        this.rules = rules;
        this.language = language;
        this.at = at;
    }

    /**
     * The rules for a patient on {@code context.today()}.
     *
     * @param withIceScore
     *            whether the form asks for the home ICE-style check
     */
    public static Derived derive(PatientContext context, RuleSet rules, Language language, Instant at, boolean withIceScore) {
        return new OfflineRules(context, rules, language, at).run(withIceScore);
    }

    private Derived run(boolean withIceScore) {
        Symptom[] symptoms = Symptom.values();
        Map<Symptom, TriageResult> alone = new EnumMap<>(Symptom.class);
        for (Symptom s : symptoms) {
            TriageResult r = triage(new Probe().with(s));
            alone.put(s, r);
            rule(r, Condition.yes(s.name()));
        }
        for (int i = 0; i < symptoms.length; i++) {
            for (int j = i + 1; j < symptoms.length; j++) {
                TriageResult r = triage(new Probe().with(symptoms[i]).with(symptoms[j]));
                if (above(r, alone.get(symptoms[i]), alone.get(symptoms[j]))) {
                    rule(r, Condition.yes(symptoms[i].name()), Condition.yes(symptoms[j].name()));
                }
            }
        }
        TriageResult medicine = triage(new Probe().medicine(true));
        rule(medicine, Condition.yes(Question.ANTIPYRETIC_LAST_6H.code()));

        List<Measure> measures = new ArrayList<>(List.of(new Measure(Question.TEMPERATURE, 300, 450, 10),
                integer(Question.SPO2), integer(Question.HEART_RATE), integer(Question.SYSTOLIC_BP),
                integer(Question.RESPIRATORY_RATE), integer(Question.STOOLS_ABOVE_BASELINE)));
        if (withIceScore) {
            measures.add(integer(Question.ICE_SCORE));
        }
        Map<Measure, List<Band>> bands = new LinkedHashMap<>();
        for (Measure m : measures) {
            bands.put(m, bands(m, symptoms));
        }
        for (Map.Entry<Measure, List<Band>> e : bands.entrySet()) {
            for (Band band : e.getValue()) {
                Probe probe = new Probe().set(band.measure(), band.min());
                TriageResult single = triage(probe);
                rule(single, band.condition());
                if (e.getKey().question() == Question.TEMPERATURE) {
                    // Fever medicine taken, or the question left unanswered (which counts as taken), on top of the reading.
                    TriageResult taken = triage(new Probe().set(band.measure(), band.min()).medicine(true));
                    if (above(taken, single, medicine)) {
                        rule(taken, band.condition(), Condition.notNo(Question.ANTIPYRETIC_LAST_6H.code()));
                    }
                }
                for (Symptom s : symptoms) {
                    TriageResult pair = triage(new Probe().set(band.measure(), band.min()).with(s));
                    if (above(pair, single, alone.get(s))) {
                        rule(pair, band.condition(), Condition.yes(s.name()));
                    }
                }
            }
        }
        List<Measure> ms = new ArrayList<>(bands.keySet());
        for (int i = 0; i < ms.size(); i++) {
            for (int j = i + 1; j < ms.size(); j++) {
                for (Band a : bands.get(ms.get(i))) {
                    TriageResult aAlone = triage(new Probe().set(a.measure(), a.min()));
                    for (Band b : bands.get(ms.get(j))) {
                        TriageResult pair = triage(new Probe().set(a.measure(), a.min()).set(b.measure(), b.min()));
                        if (above(pair, aAlone, triage(new Probe().set(b.measure(), b.min())))) {
                            rule(pair, a.condition(), b.condition());
                        }
                    }
                }
            }
        }
        Map<Symptom, Disposition> dispositions = new EnumMap<>(Symptom.class);
        alone.forEach((s, r) -> dispositions.put(s, r.disposition()));
        return new Derived(List.copyOf(derived), List.copyOf(results), dispositions);
    }

    /**
     * Splits a measurement's range into runs of probe points where the engine's result is the same alone and with each symptom.
     * The probe points are every step of the range and every threshold in the measurement's unit, so that a center's 37.85 °C
     * is a boundary too; the engine compares with {@code >=} and {@code <}, so a run holds from its first point up to the next.
     */
    private List<Band> bands(Measure m, Symptom[] symptoms) {
        TreeSet<Double> points = new TreeSet<>();
        for (int step = m.from(); step <= m.to(); step++) {
            points.add(m.value(step));
        }
        if (m.question() == Question.TEMPERATURE) {
            for (Threshold t : Threshold.values()) {
                double v = rules.get(t);
                if ("°C".equals(t.unit()) && v > m.value(m.from()) && v < m.value(m.to())) {
                    points.add(v);
                }
            }
        }
        List<Band> out = new ArrayList<>();
        List<Disposition> previous = null;
        Double start = null;
        for (double point : points) {
            List<Disposition> signature = new ArrayList<>(symptoms.length + 2);
            signature.add(triage(new Probe().set(m, point)).disposition());
            if (m.question() == Question.TEMPERATURE) {
                signature.add(triage(new Probe().set(m, point).medicine(true)).disposition());
            }
            for (Symptom s : symptoms) {
                signature.add(triage(new Probe().set(m, point).with(s)).disposition());
            }
            if (!signature.equals(previous)) {
                if (start != null) {
                    out.add(new Band(m, start, point));
                }
                start = point;
                previous = signature;
            }
        }
        out.add(new Band(m, start, null));
        return out;
    }

    private static Measure integer(Question q) {
        return new Measure(q, q.min(), q.max(), 1);
    }

    private static boolean above(TriageResult result, TriageResult first, TriageResult second) {
        return result.disposition().isAbove(first.disposition()) && result.disposition().isAbove(second.disposition());
    }

    private void rule(TriageResult result, Condition... when) {
        if (result.disposition() == Disposition.SELF_CARE) {
            return;
        }
        Result r = new Result(result.disposition(), result.instructions(), result.callNumber());
        String key = r.disposition() + "\u0000" + r.instructions() + "\u0000" + r.callNumber();
        Integer index = resultIndex.computeIfAbsent(key, k -> {
            results.add(r);
            return results.size() - 1;
        });
        derived.add(new Rule(List.of(when), index));
    }

    private TriageResult triage(Probe probe) {
        return engine.triage(probe.checkIn(at), context, rules, language);
    }

    /** A made-up check-in with a few answers. */
    private static final class Probe {
        final Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
        Double celsius;
        Boolean medicine = false;
        Integer spo2;
        Integer heartRate;
        Integer systolicBp;
        Integer respiratoryRate;
        Integer stools;
        Integer ice;

        Probe with(Symptom s) {
            symptoms.add(s);
            return this;
        }

        Probe medicine(boolean taken) {
            medicine = taken;
            return this;
        }

        Probe set(Measure m, double value) {
            int whole = (int) Math.round(value);
            switch (m.question()) {
            case TEMPERATURE -> celsius = value;
            case SPO2 -> spo2 = whole;
            case HEART_RATE -> heartRate = whole;
            case SYSTOLIC_BP -> systolicBp = whole;
            case RESPIRATORY_RATE -> respiratoryRate = whole;
            case STOOLS_ABOVE_BASELINE -> stools = whole;
            case ICE_SCORE -> ice = whole;
            default -> throw new IllegalArgumentException("not a measurement: " + m.question());
            }
            return this;
        }

        CheckIn checkIn(Instant at) {
            Temperature t = celsius == null ? null
                    : new Temperature(celsius, Temperature.Unit.C, Temperature.Method.ORAL);
            return new CheckIn(at, t, medicine, new Vitals(spo2, heartRate, systolicBp, respiratoryRate), symptoms, stools,
                    ice);
        }
    }
}
