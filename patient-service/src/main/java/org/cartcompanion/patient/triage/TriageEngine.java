package org.cartcompanion.patient.triage;

import static org.cartcompanion.patient.triage.Disposition.CENTER_NOW;
import static org.cartcompanion.patient.triage.Disposition.CENTER_SAME_DAY;
import static org.cartcompanion.patient.triage.Disposition.COMMUNITY_24H;
import static org.cartcompanion.patient.triage.Disposition.EMERGENCY;
import static org.cartcompanion.patient.triage.Disposition.SELF_CARE;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cartcompanion.patient.patient.Disease;
import org.cartcompanion.patient.patient.Language;
import org.cartcompanion.patient.timeline.Phase;
import org.cartcompanion.patient.triage.MatrixRow.Column;
import org.cartcompanion.patient.triage.MatrixRow.Group;

/**
 * Triage of one check-in (clinical-rules.md §1–§4 with the §10 revision). Emergency rules and every matrix row are evaluated,
 * each row with or without a fever; then the global rules; then the modifiers, applied again until nothing changes. The highest
 * disposition wins; modifiers only raise and never create an emergency (only E1–E9 do). Pure and deterministic: the same input
 * always gives the same result.
 */
public final class TriageEngine {

    private static final Set<Symptom> NEURO_SIGNS = EnumSet.of(Symptom.CONFUSION, Symptom.WORD_FINDING_DIFFICULTY,
            Symptom.HANDWRITING_CHANGE, Symptom.UNUSUAL_SLEEPINESS, Symptom.TREMOR, Symptom.NOT_ACTING_LIKE_THEMSELVES);
    private static final Set<Symptom> DELAYED_NEURO_SIGNS = EnumSet.of(Symptom.SLOW_MOVEMENT, Symptom.FACIAL_DROOP,
            Symptom.NUMBNESS_TINGLING);
    private static final Set<Symptom> LIMB_WEAKNESS = EnumSet.of(Symptom.ASCENDING_WEAKNESS, Symptom.ONE_SIDED_WEAKNESS);
    /** A neuro or weakness symptom: the same one hours later, or flagged worse over hours, is progressing (§10.2). */
    private static final Set<Symptom> PROGRESSION_SIGNS = union(NEURO_SIGNS, DELAYED_NEURO_SIGNS, LIMB_WEAKNESS,
            EnumSet.of(Symptom.SUDDEN_SLURRED_SPEECH, Symptom.CANNOT_SWALLOW, Symptom.HEADACHE, Symptom.SEVERE_HEADACHE));
    /** Confusion in the sense of the shock rule E4: any sign of an altered level of attention or awareness. */
    private static final Set<Symptom> ALTERED_MENTAL_STATE = EnumSet.of(Symptom.CONFUSION,
            Symptom.NOT_ACTING_LIKE_THEMSELVES, Symptom.UNUSUAL_SLEEPINESS);
    private static final Set<Symptom> BREATHLESS = EnumSet.of(Symptom.BREATHLESS_AT_REST, Symptom.BREATHLESS_ON_EXERTION,
            Symptom.SEVERE_BREATHING_DIFFICULTY);
    /** Reported without a temperature, these make the missing temperature a red flag (G2, §10.1.5). */
    private static final Set<Symptom> NEEDS_A_TEMPERATURE = union(BREATHLESS,
            EnumSet.of(Symptom.FEELS_UNWELL, Symptom.RIGORS));
    /** The rows an "any neuro row" modifier (M6) and the BCMA watch (M7) look at. */
    private static final Set<MatrixRow> NEURO_ROWS = EnumSet.of(MatrixRow.NEURO, MatrixRow.DELAYED_NEURO,
            MatrixRow.ASCENDING_WEAKNESS, MatrixRow.NEURO_PROGRESSING);
    private static final Set<MatrixRow> DELAYED_NEURO_ROWS = EnumSet.of(MatrixRow.DELAYED_NEURO,
            MatrixRow.ASCENDING_WEAKNESS);
    private static final int DEFAULT_BASELINE_ICE = 10;
    private static final Duration SUSTAINED = Duration.ofMinutes(60);
    /** The recheck a non-oral borderline reading asks for (§2.1). */
    private static final int ORAL_RECHECK_MINUTES = 15;

    public TriageResult triage(CheckIn checkIn, PatientContext patient, RuleSet rules, Language language) {
        Evaluation e = new Evaluation(checkIn, patient, rules);
        e.run();
        Disposition disposition = e.disposition;
        String callNumber = disposition == EMERGENCY ? Instructions.EMERGENCY_NUMBER : patient.centerPhone();
        Integer recheck = e.recheck();
        String text = Instructions.render(disposition, e.advice, recheck, language, patient.centerPhone());
        return new TriageResult(disposition, List.copyOf(e.fired), rules.version(), e.phases.day(), e.phases.phase(),
                recheck, Set.copyOf(e.advice), text, callNumber);
    }

    /** One evaluation: derived facts first, then the rules in the order of §10.1. */
    private static final class Evaluation {

        final CheckIn c;
        final PatientContext p;
        final ClinicalStatus s;
        final RuleSet r;
        final Phases.Assessment phases;
        final Column column;
        final LocalDate today;

        final Set<String> fired = new LinkedHashSet<>();
        final Set<Advice> advice = EnumSet.noneOf(Advice.class);
        /** Each fired row with its disposition (raised by the row modifiers M3, M5, M14). */
        final Map<MatrixRow, Disposition> rows = new EnumMap<>(MatrixRow.class);
        final Set<Modifier> modifiers = EnumSet.noneOf(Modifier.class);
        Disposition disposition = SELF_CARE;
        /** A temperature row's recheck, given whatever the disposition; 0 when none. */
        int temperatureRecheck;
        /** Another row's recheck, given on self-care only; 0 when none. */
        int selfCareRecheck;
        /** Whether the last modifier pass raised anything. */
        boolean changed;

        // Derived facts.
        final Double tempC;
        final Integer spo2;
        final Integer sbp;
        final Integer hr;
        final Integer rr;
        final boolean feverMedicineUnanswered;
        final boolean lowGrade;
        final boolean fever;
        final boolean borderline;
        final boolean spo2Low;
        final boolean spo2BelowBaseline;
        final boolean sbpLow;
        final boolean sbpBelowBaseline;
        final boolean breathlessOrHypoxic;
        final boolean iceDrop;
        final boolean anySymptom;
        final boolean ancKnownLow;
        final boolean neutropenic;
        final boolean neutropenicEarly;
        final boolean profoundNeutropenia;
        final boolean plateletsLow;
        final boolean plateletsUnknownEarly;
        final boolean steroidsRecent;
        final boolean tociRecent;

        Evaluation(CheckIn c, PatientContext p, RuleSet r) {
            this.c = c;
            this.p = p;
            this.s = p.status();
            this.r = r;
            this.today = p.today();
            this.phases = Phases.assess(p.product(), p.infusionDate(), p.secondDoseDate(), today, r);
            this.column = Column.of(phases.phase());
            this.tempC = c.temperature() == null ? null : c.temperature().celsius();
            this.spo2 = c.vitals().spo2();
            this.sbp = c.vitals().systolicBp();
            this.hr = c.vitals().heartRate();
            this.rr = c.vitals().respiratoryRate();
            long day = phases.day();

            // Temperature (§2.1, §10.1.5, §10.5): a reading of 37.5 °C or more with the fever-medicine question unanswered
            // counts the medicine as taken; fever medicine or recent steroids (M3) make a low-grade reading a fever.
            this.steroidsRecent = within(s.steroidsLastDate(), Threshold.STEROID_RECENT_DAYS);
            this.tociRecent = within(s.tocilizumabLastDate(), Threshold.TOCILIZUMAB_RECENT_DAYS);
            boolean atLeastLowGrade = tempC != null && tempC >= r.get(Threshold.BORDERLINE_C);
            this.feverMedicineUnanswered = atLeastLowGrade && c.antipyreticLast6h() == null;
            boolean feverMedicine = Boolean.TRUE.equals(c.antipyreticLast6h()) || feverMedicineUnanswered;
            boolean measuredFever = tempC != null && tempC >= r.get(Threshold.FEVER_C);
            this.lowGrade = atLeastLowGrade && !measuredFever;
            this.fever = measuredFever || (lowGrade && (feverMedicine || steroidsRecent));
            this.borderline = lowGrade && !fever;

            // Vital signs (§2.2, §10.2).
            this.spo2Low = spo2 != null && spo2 < r.get(Threshold.SPO2_LOW);
            this.spo2BelowBaseline = spo2 != null && s.baselineSpo2() != null
                    && spo2 <= s.baselineSpo2() - r.get(Threshold.SPO2_BASELINE_DROP);
            this.sbpLow = sbp != null && sbp < r.get(Threshold.SBP_LOW);
            this.sbpBelowBaseline = sbp != null && s.baselineSystolicBp() != null
                    && sbp < s.baselineSystolicBp() - r.get(Threshold.SBP_BASELINE_DROP);
            this.breathlessOrHypoxic = reportsAny(c, BREATHLESS) || spo2Low || spo2BelowBaseline;
            int baselineIce = s.baselineIceScore() == null ? DEFAULT_BASELINE_ICE : s.baselineIceScore();
            this.iceDrop = c.iceScore() != null && c.iceScore() <= baselineIce - 1;
            boolean abnormalVital = spo2Low || spo2BelowBaseline || sbpLow || sbpBelowBaseline
                    || (hr != null && hr > r.get(Threshold.HEART_RATE_HIGH))
                    || (rr != null && rr >= r.get(Threshold.RESP_RATE_HIGH));
            // "Any symptom" (§10.1.3): a symptom code, diarrhea above baseline, a home-ICE drop or an abnormal vital sign.
            this.anySymptom = !c.symptoms().isEmpty() || positive(c.stoolsAboveBaseline()) || iceDrop || abnormalVital;

            // ANC (§3, §10.4): a low count is believed at any age; a normal one only while fresh early after infusion or while
            // ICAHT is active; "below 1000 and falling" compares the latest with the value before it.
            Integer anc = s.ancPerUl();
            long unknownUntil = (long) r.get(Phases.isBcma(p.product())
                    ? Threshold.BCMA_NEUTROPENIC_UNKNOWN_UNTIL_DAY
                    : Threshold.NEUTROPENIC_UNKNOWN_UNTIL_DAY);
            boolean staleEarly = olderThan(anc, s.ancDate(), Threshold.ANC_STALE_DAYS);
            boolean staleIcaht = olderThan(anc, s.ancDate(), Threshold.ICAHT_ANC_STALE_DAYS);
            this.ancKnownLow = anc != null && anc < r.get(Threshold.ANC_NEUTROPENIC);
            this.neutropenic = ancKnownLow || ancFalling() || (day <= unknownUntil && staleEarly)
                    || (Boolean.TRUE.equals(s.icahtActive()) && staleIcaht);
            this.neutropenicEarly = ancKnownLow || (day <= r.get(Threshold.NEUTROPENIC_UNKNOWN_UNTIL_DAY) && staleEarly);
            this.profoundNeutropenia = anc != null && anc < r.get(Threshold.ANC_PROFOUND);

            // Platelets (§10.5): 50 000 everywhere; older than 7 days counts as unknown while day ≤ 30.
            Integer platelets = s.plateletsPerUl();
            this.plateletsLow = platelets != null && platelets < r.get(Threshold.PLATELETS_BLEEDING);
            this.plateletsUnknownEarly = day <= r.get(Threshold.PLATELETS_UNKNOWN_UNTIL_DAY)
                    && olderThan(platelets, s.plateletsDate(), Threshold.PLATELETS_STALE_DAYS);
        }

        void run() {
            emergencies();
            matrix();
            global();
            modifiers();
            if (disposition.isAbove(SELF_CARE) && column != Column.P4P5
                    && (fever || borderline || c.has(Symptom.RIGORS))) {
                advice.add(Advice.NO_FEVER_MEDICINE);
            }
        }

        // --- §4.2, §10.2, §10.3: emergencies ----------------------------------------------------

        void emergencies() {
            boolean confusion = reportsAny(c, ALTERED_MENTAL_STATE) || iceDrop;
            boolean dizzy = c.has(Symptom.DIZZY_ON_STANDING) || c.has(Symptom.FAINTED) || sbpLow || sbpBelowBaseline;
            boolean clammy = c.has(Symptom.COLD_CLAMMY_SKIN);
            emergency(EmergencyRule.E1, c.has(Symptom.UNRESPONSIVE));
            emergency(EmergencyRule.E2, c.has(Symptom.SEIZURE));
            emergency(EmergencyRule.E3, c.has(Symptom.SEVERE_BREATHING_DIFFICULTY)
                    || (spo2 != null && spo2 < r.get(Threshold.SPO2_EMERGENCY))
                    || (rr != null && rr >= r.get(Threshold.RESP_RATE_EMERGENCY)));
            emergency(EmergencyRule.E4, c.has(Symptom.FAINTED)
                    || (sbp != null && sbp < r.get(Threshold.SBP_EMERGENCY))
                    || ((sbpLow || clammy) && confusion) || (sbpLow && clammy));
            emergency(EmergencyRule.E5, c.has(Symptom.ONE_SIDED_WEAKNESS) || c.has(Symptom.SUDDEN_SLURRED_SPEECH)
                    || (c.has(Symptom.FACIAL_DROOP) && reportsAny(c, LIMB_WEAKNESS)));
            boolean bleedingSign = c.has(Symptom.BLEEDING) || c.has(Symptom.BLACK_STOOLS);
            emergency(EmergencyRule.E6, c.has(Symptom.HEAVY_BLEEDING) || c.has(Symptom.VOMITING_BLOOD)
                    || (bleedingSign && (dizzy || plateletsLow))
                    || (c.has(Symptom.HEAD_INJURY) && (plateletsLow || plateletsUnknownEarly)));
            emergency(EmergencyRule.E7, c.has(Symptom.CHEST_PAIN)
                    || (c.has(Symptom.PALPITATIONS) && c.has(Symptom.FAINTED)));
            emergency(EmergencyRule.E8, c.has(Symptom.FACE_THROAT_SWELLING) || c.has(Symptom.WHEEZE_OR_HIVES_AFTER_DRUG));
            boolean breathingTrouble = reportsAny(c, BREATHLESS) || spo2Low
                    || (rr != null && rr >= r.get(Threshold.RESP_RATE_WEAKNESS));
            emergency(EmergencyRule.E9, reportsAny(c, LIMB_WEAKNESS)
                    && (breathingTrouble || c.has(Symptom.CANNOT_SWALLOW)));
        }

        void emergency(EmergencyRule rule, boolean when) {
            if (when) {
                fired.add(rule.name());
                raiseTo(EMERGENCY);
            }
        }

        // --- §4.3, §10.2, §10.3: the matrix, every row with or without a fever -------------------

        void matrix() {
            // ANC < 500 at any time: P2 fever rules whatever the day (§1.2).
            Column feverColumn = feverColumn();
            Integer stools = c.stoolsAboveBaseline();

            if (fever) {
                row(MatrixRow.FEVER, feverColumn, feverColumn == Column.P4P5 ? feverP45() : null);
            }
            if (borderline) {
                boolean second = earlierReadingAtLeast(r.get(Threshold.BORDERLINE_C), Duration.ZERO);
                // P1: the first low-grade reading is a recheck in 30 min; a second one is same-day.
                row(MatrixRow.TEMP_BORDERLINE, feverColumn, feverColumn == Column.P1 && !second ? SELF_CARE : null);
                if (!c.temperature().method().isReference()) {
                    advice.add(Advice.ORAL_RECHECK);
                    temperatureRecheck = minRecheck(temperatureRecheck, ORAL_RECHECK_MINUTES);
                }
            }
            when(tempC != null && tempC < r.get(Threshold.LOW_TEMP_C) && c.has(Symptom.FEELS_UNWELL), MatrixRow.LOW_TEMP,
                    feverColumn);
            when(c.has(Symptom.RIGORS), MatrixRow.RIGORS, feverColumn);
            when(c.has(Symptom.FEELS_UNWELL), MatrixRow.FEELS_UNWELL, feverColumn);

            when(c.has(Symptom.DIZZY_ON_STANDING) || sbpLow, MatrixRow.DIZZY, column);
            when(sbpBelowBaseline, MatrixRow.SBP_BELOW_BASELINE, column);
            when(c.has(Symptom.COLD_CLAMMY_SKIN), MatrixRow.COLD_CLAMMY_SKIN, column);
            when(hr != null && hr > r.get(Threshold.HEART_RATE_HIGH), MatrixRow.HEART_RATE, column);
            when(c.has(Symptom.PALPITATIONS), MatrixRow.PALPITATIONS, column);

            when(c.has(Symptom.BREATHLESS_AT_REST) || spo2Low, MatrixRow.BREATHLESS_REST, column);
            when(spo2BelowBaseline, MatrixRow.SPO2_BELOW_BASELINE, column);
            when(rr != null && rr >= r.get(Threshold.RESP_RATE_HIGH), MatrixRow.RESP_RATE, column);
            when(c.has(Symptom.BREATHLESS_ON_EXERTION), MatrixRow.BREATHLESS_EXERTION, column);
            when(c.has(Symptom.COUGH) && (fever || breathlessOrHypoxic), MatrixRow.COUGH_FEVER, column);
            when(c.has(Symptom.COUGH), MatrixRow.COUGH, column);
            if (c.has(Symptom.RUNNY_NOSE_SORE_THROAT)) {
                row(MatrixRow.URI, column, null);
                if (column == Column.P3 || column == Column.P4P5) {
                    advice.add(Advice.TEST_PROMPTLY);
                }
            }

            when(iceDrop || reportsAny(c, NEURO_SIGNS), MatrixRow.NEURO, column);
            when(reportsAny(c, DELAYED_NEURO_SIGNS), MatrixRow.DELAYED_NEURO, column);
            when(c.has(Symptom.ASCENDING_WEAKNESS), MatrixRow.ASCENDING_WEAKNESS, column);
            when(progressing(), MatrixRow.NEURO_PROGRESSING, column);
            when(c.has(Symptom.SEVERE_HEADACHE) || c.has(Symptom.STIFF_NECK) || (c.has(Symptom.HEADACHE) && fever),
                    MatrixRow.SEVERE_HEADACHE, column);
            when(c.has(Symptom.HEADACHE), MatrixRow.HEADACHE, column);

            boolean diarrhea = positive(stools) || c.has(Symptom.BLOODY_DIARRHEA);
            if (diarrhea) {
                int count = stools == null ? 0 : stools;
                if (count >= r.get(Threshold.DIARRHEA_SEVERE) || c.has(Symptom.BLOODY_DIARRHEA) || fever
                        || c.has(Symptom.DIZZY_ON_STANDING)) {
                    row(MatrixRow.DIARRHEA_SEVERE, column, null);
                } else if (count >= r.get(Threshold.DIARRHEA_MODERATE)) {
                    row(MatrixRow.DIARRHEA_MODERATE, column, null);
                } else {
                    row(MatrixRow.DIARRHEA_MILD, column, null);
                    advice.add(Advice.FLUIDS);
                }
            }
            when(c.has(Symptom.VOMITING_CANNOT_KEEP_FLUIDS), MatrixRow.VOMITING, column);
            when(c.has(Symptom.NOT_EATING_DRINKING_24H), MatrixRow.NOT_EATING, column);

            boolean urinary = c.has(Symptom.BURNING_URINATION) || c.has(Symptom.FLANK_PAIN);
            when(urinary, MatrixRow.URINARY, column);
            when(urinary && neutropenicEarly, MatrixRow.URINARY_NEUTROPENIC, column);
            when(c.has(Symptom.BLISTER_RASH), MatrixRow.BLISTER_RASH, column);
            when(c.has(Symptom.RASH_EYE_OR_FACE), MatrixRow.RASH_EYE_OR_FACE, column);
            when(c.has(Symptom.NEW_RASH), MatrixRow.NEW_RASH, column);
            when(c.has(Symptom.BLEEDING) || c.has(Symptom.BLACK_STOOLS), MatrixRow.BLEEDING, column);
            when(c.has(Symptom.HEAD_INJURY), MatrixRow.HEAD_INJURY, column);
            when(c.has(Symptom.LINE_SITE_REDNESS), MatrixRow.LINE_SITE, column);
            when(c.has(Symptom.MOUTH_SORES) && !c.has(Symptom.CANNOT_SWALLOW), MatrixRow.MOUTH_SORES, column);
            when(c.has(Symptom.CANNOT_SWALLOW), MatrixRow.CANNOT_SWALLOW, column);
            when(c.has(Symptom.FATIGUE_SEVERE), MatrixRow.FATIGUE_SEVERE, column);
            when(c.has(Symptom.INFECTION_EXPOSURE), MatrixRow.EXPOSURE, column);
            when(c.has(Symptom.MISSED_PROPHYLAXIS_DOSE), MatrixRow.MISSED_PROPHYLAXIS, column);

            if (c.temperature() != null && c.temperature().method() == Temperature.Method.WEARABLE && fever) {
                advice.add(Advice.CONFIRM_WEARABLE);
            }
        }

        /** Fever in P4–P5: a high or sustained reading is same-day; a single lower one is a recheck in 60 min. */
        Disposition feverP45() {
            boolean high = tempC != null && tempC >= r.get(Threshold.HIGH_FEVER_C);
            boolean sustained = earlierReadingAtLeast(r.get(Threshold.FEVER_C), SUSTAINED);
            return high || sustained ? CENTER_SAME_DAY : SELF_CARE;
        }

        /** An earlier reading at or above {@code celsius}, at least {@code minAge} before this one and within the window. */
        boolean earlierReadingAtLeast(double celsius, Duration minAge) {
            for (PatientContext.Earlier earlier : p.earlier()) {
                Duration age = Duration.between(earlier.at(), c.recordedAt());
                if (earlier.celsius() != null && !age.isNegative() && age.compareTo(minAge) >= 0
                        && age.compareTo(r.hours(Threshold.TEMPERATURE_HISTORY_HOURS)) <= 0 && earlier.celsius() >= celsius) {
                    return true;
                }
            }
            return false;
        }

        /** §10.2: a neuro or weakness symptom flagged worse over hours, or also reported hours earlier within the window. */
        boolean progressing() {
            if (!reportsAny(c, PROGRESSION_SIGNS)) {
                return false;
            }
            if (c.has(Symptom.WORSE_OVER_HOURS)) {
                return true;
            }
            Duration apart = r.hours(Threshold.PROGRESSION_MIN_HOURS);
            Duration window = r.hours(Threshold.PROGRESSION_WINDOW_HOURS);
            for (PatientContext.Earlier earlier : p.earlier()) {
                Duration age = Duration.between(earlier.at(), c.recordedAt());
                if (age.compareTo(apart) >= 0 && age.compareTo(window) <= 0) {
                    for (Symptom s : earlier.symptoms()) {
                        if (PROGRESSION_SIGNS.contains(s) && c.has(s)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        void when(boolean condition, MatrixRow row, Column column) {
            if (condition) {
                row(row, column, null);
            }
        }

        /** Fires a row at its cell, or at the given disposition. */
        void row(MatrixRow row, Column column, Disposition override) {
            Disposition d = override != null ? override : row.at(column);
            int recheck = row.recheckMinutes(column);
            if (recheck > 0) {
                if (row.group() == Group.FEVER) {
                    temperatureRecheck = minRecheck(temperatureRecheck, recheck);
                } else {
                    selfCareRecheck = minRecheck(selfCareRecheck, recheck);
                }
            }
            fired.add(row.id(column));
            rows.merge(row, d, Disposition::max);
            raiseTo(d);
        }

        // --- §4.1, §10.1.5: global rules ---------------------------------------------------------

        void global() {
            boolean early = column != Column.P4P5;
            if (c.has(Symptom.WANTS_TO_TALK_NOW) || c.has(Symptom.SOMETHING_SERIOUSLY_WRONG)) {
                fired.add(GlobalRule.G3.name());
                raiseTo(early ? CENTER_NOW : CENTER_SAME_DAY);
            }
            // G2: an unanswered red-flag question. No temperature with feeling unwell, rigors or breathlessness is at least
            // same-day in P1–P2 and a 24-hour visit from P3, in the patient's own column: no more than the rows give the same
            // report with a normal temperature, so reporting one never lowers the result (a neutropenic patient's P2
            // treatment of feeling unwell and rigors comes from those rows, which fire with or without a temperature).
            // Fever medicine unanswered was counted as taken above.
            boolean noTemperature = tempC == null && reportsAny(c, NEEDS_A_TEMPERATURE);
            if (noTemperature) {
                raiseTo(column == Column.P1 || column == Column.P2 ? CENTER_SAME_DAY : COMMUNITY_24H);
                advice.add(Advice.TAKE_TEMPERATURE_NOW);
            }
            if (noTemperature || feverMedicineUnanswered) {
                fired.add(GlobalRule.G2.name());
            }
        }

        // --- §4.4: modifiers, to a fixed point ---------------------------------------------------

        void modifiers() {
            rowModifiers();
            // Each pass can only raise; a pass that raised nothing is the fixed point.
            do {
                changed = false;
                patientModifiers();
            } while (changed);
            Integer travel = s.travelMinutesToCenter();
            if (travel != null && travel > r.get(Threshold.TRAVEL_MINUTES) && column != Column.P1
                    && disposition == CENTER_NOW) {
                modifiers.add(Modifier.M13);
                advice.add(Advice.NEAREST_ED_BRANCH);
            }
            modifiers.forEach(m -> fired.add(m.name()));
        }

        /**
         * M3, M5, M14 raise the rows they name by one level, once each, to at most their cap. M5 is for P3–P5: respiratory rows
         * fire in the patient's own column.
         */
        void rowModifiers() {
            boolean frail = frail();
            boolean respiratoryRisk = (column == Column.P3 || column == Column.P4P5) && (iggLow() || sinopulmonaryInfections());
            for (Map.Entry<MatrixRow, Disposition> entry : rows.entrySet()) {
                MatrixRow row = entry.getKey();
                Group group = row.group();
                Disposition d = entry.getValue();
                if (steroidsRecent && (group == Group.FEVER || group == Group.RESPIRATORY || group == Group.GI)) {
                    d = raiseCapped(d, Modifier.M3, CENTER_NOW);
                }
                if (respiratoryRisk && group == Group.RESPIRATORY) {
                    d = raiseCapped(d, Modifier.M5, CENTER_SAME_DAY);
                }
                if (frail && (group == Group.FEVER || group == Group.GI)) {
                    d = raiseCapped(d, Modifier.M14, CENTER_NOW);
                }
                entry.setValue(d);
                raiseTo(d);
            }
        }

        /** Raises one level, to at most {@code cap}; never lowers. */
        Disposition raiseCapped(Disposition d, Modifier modifier, Disposition cap) {
            modifiers.add(modifier);
            Disposition raised = d.raised();
            return raised.isAbove(cap) ? Disposition.max(d, cap) : raised;
        }

        void patientModifiers() {
            boolean feverRow = rows.containsKey(MatrixRow.FEVER);
            if (neutropenic && fever) {
                modifier(Modifier.M1, CENTER_NOW);
            }
            if (profoundNeutropenia && lowGrade && anySymptom) {
                modifier(Modifier.M2, CENTER_NOW);
            }
            // §10.1.1: with or without a fever.
            if (tociRecent && c.has(Symptom.FEELS_UNWELL)
                    && ((hr != null && hr > r.get(Threshold.TOCI_HEART_RATE))
                            || (sbp != null && sbp < r.get(Threshold.TOCI_SBP)))) {
                modifier(Modifier.M4, CENTER_NOW);
            }
            boolean iecHs = Boolean.TRUE.equals(s.iecHsHistory());
            boolean severeHistory = severeHistory();
            boolean neuroRow = firedAny(NEURO_ROWS);
            // A recurrent fever after IEC-HS is NOW in every phase (§10.5); otherwise fever stays NOW through P3.
            if (severeHistory && ((feverRow && (column != Column.P4P5 || iecHs)) || neuroRow)) {
                modifier(Modifier.M6, CENTER_NOW);
            }
            if (Phases.isBcma(p.product()) && firedAny(DELAYED_NEURO_ROWS)
                    && phases.day() <= r.get(Threshold.BCMA_DELAYED_NEURO_UNTIL_DAY)) {
                modifier(Modifier.M7, CENTER_SAME_DAY);
            }
            boolean highRisk = highRisk();
            if (highRisk && feverRow && (phases.phase() == Phase.P3_INTERMEDIATE || phases.phase() == Phase.P4_LATE)) {
                modifier(Modifier.M8, CENTER_NOW);
            }
            boolean pjpRisk = pjpRisk();
            if (pjpRisk && c.has(Symptom.COUGH) && breathlessOrHypoxic) {
                modifier(Modifier.M9, CENTER_NOW);
            }
            if (Boolean.FALSE.equals(s.prophylaxis().antiviralHsvVzv()) && c.has(Symptom.BLISTER_RASH)) {
                modifier(Modifier.M10, CENTER_SAME_DAY);
            }
            if (Boolean.TRUE.equals(s.centralLine()) && fever) {
                modifier(Modifier.M11, CENTER_NOW);
            }
            // Fever in P4–P5: same-day becomes NOW with any other red flag or modifier (§4.3).
            if (rows.get(MatrixRow.FEVER) == CENTER_SAME_DAY && (otherRedFlag() || !modifiers.isEmpty() || feverRisk())) {
                rows.put(MatrixRow.FEVER, CENTER_NOW);
                changed = true;
                raiseTo(CENTER_NOW);
            }
            // M12 raises any same-day result, a global rule's included (§10.1.2).
            // Unknown counts as absent: the first month is when a caregiver is required, and the center can record one.
            if (!Boolean.TRUE.equals(s.caregiverPresent()) && (column == Column.P1 || column == Column.P2)
                    && disposition == CENTER_SAME_DAY) {
                modifier(Modifier.M12, CENTER_NOW);
            }
        }

        boolean otherRedFlag() {
            return fired.contains(GlobalRule.G3.name()) || rows.entrySet().stream()
                    .anyMatch(e -> e.getKey() != MatrixRow.FEVER && !CENTER_SAME_DAY.isAbove(e.getValue()));
        }

        /**
         * A P4–P5 same-day fever is NOW "with any other red flag or modifier" (§4.3): a patient any modifier of §4.4 is about
         * counts, whether or not that modifier changed this result.
         */
        boolean feverRisk() {
            return neutropenic || steroidsRecent || tociRecent || iggLow() || sinopulmonaryInfections() || severeHistory()
                    || Phases.isBcma(p.product()) || highRisk() || pjpRisk()
                    || Boolean.FALSE.equals(s.prophylaxis().antiviralHsvVzv()) || Boolean.TRUE.equals(s.centralLine())
                    || frail();
        }

        /**
         * The column the fever rows (and "feels unwell", with or without a temperature) use: P2 whatever the day for a
         * neutropenic patient (§1.2: ANC < 500 at any time; unknown counts as neutropenic where M1 says so).
         */
        Column feverColumn() {
            return neutropenic && column.ordinal() > Column.P2.ordinal() ? Column.P2 : column;
        }

        void modifier(Modifier modifier, Disposition atLeast) {
            modifiers.add(modifier);
            raiseTo(atLeast);
        }

        // --- helpers ----------------------------------------------------------------------------

        void raiseTo(Disposition d) {
            if (d.isAbove(disposition)) {
                disposition = d;
                changed = true;
            }
        }

        boolean firedAny(Set<MatrixRow> these) {
            for (MatrixRow row : these) {
                if (rows.containsKey(row)) {
                    return true;
                }
            }
            return false;
        }

        /** The recheck the patient is told: a temperature row's always, another row's on self-care only. */
        Integer recheck() {
            int minutes = disposition == SELF_CARE ? minRecheck(temperatureRecheck, selfCareRecheck) : temperatureRecheck;
            return minutes > 0 ? minutes : null;
        }

        static int minRecheck(int current, int minutes) {
            if (minutes <= 0) {
                return current;
            }
            return current == 0 ? minutes : Math.min(current, minutes);
        }

        /** §10.4: the latest ANC below 1000 and lower than the one before it, at most a week older. */
        boolean ancFalling() {
            Integer anc = s.ancPerUl();
            LocalDate date = s.ancDate();
            if (anc == null || date == null || anc >= r.get(Threshold.ANC_FALLING)) {
                return false;
            }
            PatientContext.LabValue previous = null;
            for (PatientContext.LabValue v : p.ancHistory()) {
                if (v.date().isBefore(date) && (previous == null || v.date().isAfter(previous.date()))) {
                    previous = v;
                }
            }
            return previous != null
                    && ChronoUnit.DAYS.between(previous.date(), date) <= r.get(Threshold.ANC_FALLING_WINDOW_DAYS)
                    && anc < previous.value();
        }

        boolean frail() {
            return (p.ageYears() != null && p.ageYears() >= r.get(Threshold.AGE_FRAIL))
                    || Boolean.TRUE.equals(s.frailOrComorbid());
        }

        /** M6: CRS or ICANS grade 2 or more, or IEC-HS. */
        boolean severeHistory() {
            return atLeast(s.maxCrsGrade(), 2) || atLeast(s.maxIcansGrade(), 2) || Boolean.TRUE.equals(s.iecHsHistory());
        }

        /** M8: B-ALL, four or more prior lines, or a prior allogeneic transplant. */
        boolean highRisk() {
            return p.disease() == Disease.B_ALL || atLeast(s.priorLines(), 4) || Boolean.TRUE.equals(s.priorAlloHct());
        }

        /** M9: off PJP prophylaxis, or CD4 low. */
        boolean pjpRisk() {
            return Boolean.FALSE.equals(s.prophylaxis().pjp())
                    || (s.cd4PerUl() != null && s.cd4PerUl() < r.get(Threshold.CD4_LOW));
        }

        boolean iggLow() {
            return s.iggMgDl() != null && s.iggMgDl() < r.get(Threshold.IGG_LOW)
                    && !within(s.ivigLastDate(), Threshold.IVIG_RECENT_DAYS);
        }

        /** M5's infection arm (§10.4): enough respiratory or sinus infections diagnosed in the window, repeats not counted. */
        boolean sinopulmonaryInfections() {
            int count = 0;
            for (PatientContext.PastInfection i : p.infections()) {
                if (i.sinopulmonary() && !i.repeatOfAnother() && i.diagnosisDate() != null) {
                    long since = daysSince(i.diagnosisDate());
                    if (since >= 0 && since <= r.get(Threshold.SINOPULMONARY_WINDOW_DAYS)) {
                        count++;
                    }
                }
            }
            return count >= r.get(Threshold.SINOPULMONARY_INFECTIONS);
        }

        /** Unknown, undated, or dated more than {@code maxAge} days ago. */
        boolean olderThan(Integer value, LocalDate date, Threshold maxAge) {
            return value == null || date == null || daysSince(date) > r.get(maxAge);
        }

        boolean within(LocalDate date, Threshold days) {
            if (date == null) {
                return false;
            }
            long since = daysSince(date);
            return since >= 0 && since <= r.get(days);
        }

        long daysSince(LocalDate date) {
            return ChronoUnit.DAYS.between(date, today);
        }

        static boolean atLeast(Integer value, int min) {
            return value != null && value >= min;
        }

        static boolean positive(Integer value) {
            return value != null && value > 0;
        }
    }

    @SafeVarargs
    private static <T extends Enum<T>> Set<T> union(Set<T> first, Set<T>... more) {
        EnumSet<T> all = EnumSet.copyOf(first);
        for (Set<T> set : more) {
            all.addAll(set);
        }
        return all;
    }

    /** Whether the check-in reports any of {@code symptoms} (a loop: this runs for every row of every check-in). */
    private static boolean reportsAny(CheckIn c, Set<Symptom> symptoms) {
        for (Symptom s : c.symptoms()) {
            if (symptoms.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** Every rule id of the default table, in table order. */
    public static List<String> allRuleIds() {
        List<String> ids = new ArrayList<>();
        for (EmergencyRule e : EmergencyRule.values()) {
            ids.add(e.name());
        }
        for (MatrixRow row : MatrixRow.values()) {
            for (Column column : Column.values()) {
                ids.add(row.id(column));
            }
        }
        for (Modifier m : Modifier.values()) {
            ids.add(m.name());
        }
        for (GlobalRule g : GlobalRule.values()) {
            ids.add(g.name());
        }
        return ids;
    }
}
