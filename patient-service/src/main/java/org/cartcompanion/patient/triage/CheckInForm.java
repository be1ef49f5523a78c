package org.cartcompanion.patient.triage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cartcompanion.patient.patient.Language;
import org.cartcompanion.patient.timeline.Phase;

/**
 * The questions to ask one patient today (API.md v1.1 {@code check-in-form}), in the user's language, from the rule table: the
 * phone lays them out and holds no clinical wording of its own.
 * <ul>
 * <li>Every symptom code is asked in every phase: a code left out could not be reported, and the engine reads all of them.</li>
 * <li>Red flags first: the temperature and the fever-medicine question (§10.5, "red-flag question"), then each symptom that on
 * its own reaches the center at once or 911 for this patient today, most urgent first. Which symptoms those are follows the
 * phase, the product and the clinical status, as the engine does.</li>
 * <li>The home ICE-style check where the cadence asks for a neuro check (§6.2: P0–P3); the neuro signs themselves always.</li>
 * <li>Vital signs are optional, for patients given devices (§2.2).</li>
 * </ul>
 */
public final class CheckInForm {

    /** The neuro and weakness signs, asked in the neuro section (§2.3). */
    static final Set<Symptom> NEURO = EnumSet.of(Symptom.CONFUSION, Symptom.WORD_FINDING_DIFFICULTY, Symptom.HANDWRITING_CHANGE,
            Symptom.UNUSUAL_SLEEPINESS, Symptom.TREMOR, Symptom.SEIZURE, Symptom.UNRESPONSIVE, Symptom.ONE_SIDED_WEAKNESS,
            Symptom.FACIAL_DROOP, Symptom.SLOW_MOVEMENT, Symptom.NUMBNESS_TINGLING, Symptom.ASCENDING_WEAKNESS,
            Symptom.SUDDEN_SLURRED_SPEECH, Symptom.NOT_ACTING_LIKE_THEMSELVES);

    /** The phases whose cadence has a neuro check (§6.2); P0 uses P1's column (§10.5). */
    static final Set<Phase> ICE_CHECK_PHASES = EnumSet.of(Phase.P0_PRE, Phase.P1_ACUTE, Phase.P2_EARLY,
            Phase.P3_INTERMEDIATE);

    /** An answer of a choice question. */
    public record Choice(String code, String label) {
    }

    /** Another unit a measurement may be entered in, with its range. */
    public record Unit(String unit, double min, double max) {
    }

    /**
     * One question.
     *
     * @param type
     *            {@code boolean} (a symptom: yes when it applies), {@code number} or {@code choice}
     * @param unit
     *            the unit of {@code min} and {@code max}; null for a question that is not a measurement
     * @param redFlag
     *            asked first: its answer alone can send the patient to the center at once or to 911
     * @param options
     *            the answers of a choice question, else empty
     * @param otherUnits
     *            other units the value may be entered in (the temperature in °F), else empty
     */
    public record Item(String code, String label, String help, String type, String unit, Integer min, Integer max,
            String group, boolean redFlag, List<Choice> options, List<Unit> otherUnits) {
    }

    /** A section title. */
    public record Group(String code, String title) {
    }

    /**
     * The form.
     *
     * @param version
     *            the rule set's version: the phone keeps the form, and its offline rules, under it
     * @param date
     *            the patient's local date the form is for; the phone asks again on another day
     */
    public record Form(String version, Phase phase, long dayPostInfusion, LocalDate date, Language language, List<Group> groups,
            List<Item> items, OfflineRules.Derived offline) {
    }

    private CheckInForm() {
    }

    public static Form build(PatientContext context, RuleSet rules, Language language, Instant at) {
        Phases.Assessment phases = Phases.assess(context.product(), context.infusionDate(), context.secondDoseDate(),
                context.today(), rules);
        boolean ice = ICE_CHECK_PHASES.contains(phases.phase());
        OfflineRules.Derived offline = OfflineRules.derive(context, rules, language, at, ice);
        Map<Symptom, Disposition> alone = offline.alone();

        List<Item> items = new ArrayList<>();
        items.add(question(Question.TEMPERATURE, language, true));
        items.add(question(Question.TEMPERATURE_METHOD, language, false));
        items.add(question(Question.ANTIPYRETIC_LAST_6H, language, true));
        List<Symptom> redFlags = new ArrayList<>();
        for (Symptom s : Symptom.values()) {
            if (!Disposition.CENTER_NOW.isAbove(alone.get(s))) {
                redFlags.add(s);
            }
        }
        redFlags.sort(Comparator.comparing(alone::get)); // EMERGENCY first; stable within a level
        redFlags.forEach(s -> items.add(symptom(s, language, true)));
        for (Question q : List.of(Question.SPO2, Question.HEART_RATE, Question.SYSTOLIC_BP, Question.RESPIRATORY_RATE)) {
            items.add(question(q, language, false));
        }
        for (Symptom s : Symptom.values()) {
            if (!redFlags.contains(s) && !NEURO.contains(s)) {
                items.add(symptom(s, language, false));
            }
        }
        items.add(question(Question.STOOLS_ABOVE_BASELINE, language, false));
        if (ice) {
            items.add(question(Question.ICE_SCORE, language, false));
        }
        for (Symptom s : Symptom.values()) {
            if (!redFlags.contains(s) && NEURO.contains(s)) {
                items.add(symptom(s, language, false));
            }
        }
        List<Group> groups = new ArrayList<>();
        for (FormGroup g : FormGroup.values()) {
            groups.add(new Group(g.code(), g.title(language)));
        }
        return new Form(rules.version(), phases.phase(), phases.day(), context.today(), language, List.copyOf(groups),
                List.copyOf(items), offline);
    }

    private static Item symptom(Symptom s, Language language, boolean redFlag) {
        SymptomWording.Text text = SymptomWording.of(s, language);
        FormGroup group = NEURO.contains(s) ? FormGroup.NEURO : FormGroup.SYMPTOMS;
        return new Item(s.name(), text.label(), text.help(), "boolean", null, null, null, group.code(), redFlag, List.of(),
                List.of());
    }

    private static Item question(Question q, Language language, boolean redFlag) {
        SymptomWording.Text text = q.text(language);
        List<Choice> options = q == Question.TEMPERATURE_METHOD
                ? Question.METHODS.stream().map(o -> new Choice(o.code(), o.label(language))).toList()
                : List.of();
        List<Unit> otherUnits = q == Question.TEMPERATURE ? List.of(new Unit("F", Question.MIN_F, Question.MAX_F)) : List.of();
        return new Item(q.code(), text.label(), text.help(), q.kind().name().toLowerCase(java.util.Locale.ROOT), q.unit(),
                q.min(), q.max(), q.group().code(), redFlag, options, otherUnits);
    }
}
