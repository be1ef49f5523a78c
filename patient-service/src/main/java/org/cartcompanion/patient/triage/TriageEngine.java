package org.cartcompanion.patient.triage;

import static org.cartcompanion.patient.triage.Disposition.CENTER_NOW;
import static org.cartcompanion.patient.triage.Disposition.CENTER_SAME_DAY;
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
import org.cartcompanion.patient.triage.MatrixRow.Column;
import org.cartcompanion.patient.triage.MatrixRow.Group;

/**
 * Triage of one check-in (clinical-rules.md §1–§4). Every rule is evaluated; the highest disposition wins; modifiers only raise
 * and never create an emergency (only E1–E9 do). Pure and deterministic: the same input always gives the same result.
 */
public final class TriageEngine {

    private static final Set<Symptom> NEURO_SIGNS = EnumSet.of(Symptom.CONFUSION, Symptom.WORD_FINDING_DIFFICULTY,
            Symptom.HANDWRITING_CHANGE, Symptom.UNUSUAL_SLEEPINESS, Symptom.TREMOR);
    private static final Set<Symptom> DELAYED_NEURO_SIGNS = EnumSet.of(Symptom.SLOW_MOVEMENT, Symptom.FACIAL_DROOP,
            Symptom.NUMBNESS_TINGLING, Symptom.ASCENDING_WEAKNESS);
    private static final int DEFAULT_BASELINE_ICE = 10;
    /** "Second reading" and "sustained for 1 h" look back this far. */
    private static final Duration READING_WINDOW = Duration.ofHours(3);
    private static final Duration SUSTAINED = Duration.ofMinutes(60);

    public TriageResult triage(CheckIn checkIn, PatientContext patient, RuleSet rules, Language language) {
        Evaluation e = new Evaluation(checkIn, patient, rules);
        e.run();
        Disposition disposition = e.disposition;
        String callNumber = disposition == EMERGENCY ? Instructions.EMERGENCY_NUMBER : patient.centerPhone();
        Integer recheck = disposition == SELF_CARE && e.recheckMinutes > 0 ? e.recheckMinutes : null;
        String text = Instructions.render(disposition, e.advice, recheck, language, patient.centerPhone());
        return new TriageResult(disposition, List.copyOf(e.fired), rules.version(), e.phases.day(), e.phases.phase(),
                recheck, Set.copyOf(e.advice), text, callNumber);
    }

    /** One evaluation: derived facts first, then the rules in the order of the spec. */
    private static final class Evaluation {

        final CheckIn c;
        final PatientContext p;
        final ClinicalStatus s;
        final RuleSet r;
        final Phases.Assessment phases;
        final LocalDate today;

        final Set<String> fired = new LinkedHashSet<>();
        final Set<Advice> advice = EnumSet.noneOf(Advice.class);
        final Map<MatrixRow, Disposition> rows = new EnumMap<>(MatrixRow.class);
        final Set<Modifier> modifiers = EnumSet.noneOf(Modifier.class);
        Disposition disposition = SELF_CARE;
        int recheckMinutes;

        // Derived facts.
        final Double tempC;
        final boolean neutropenic;
        final boolean ancKnownLow;
        final boolean profoundNeutropenia;
        final boolean steroidsRecent;
        final boolean tociRecent;
        final boolean lowGradeCountsAsFever;
        final boolean fever;
        final boolean borderline;

        Evaluation(CheckIn c, PatientContext p, RuleSet r) {
            this.c = c;
            this.p = p;
            this.s = p.status();
            this.r = r;
            this.today = p.today();
            this.phases = Phases.assess(p.product(), p.infusionDate(), p.secondDoseDate(), today, r);
            this.tempC = c.temperature() == null ? null : c.temperature().celsius();

            boolean ancFresh = s.ancPerUl() != null && s.ancDate() != null
                    && daysSince(s.ancDate()) <= r.get(Threshold.ANC_STALE_DAYS);
            long unknownUntil = (long) r.get(Phases.isBcma(p.product())
                    ? Threshold.BCMA_NEUTROPENIC_UNKNOWN_UNTIL_DAY
                    : Threshold.NEUTROPENIC_UNKNOWN_UNTIL_DAY);
            boolean earlyEnoughToAssume = phases.day() <= unknownUntil;
            // A low count is believed at any age; a normal one only while fresh early after infusion.
            this.ancKnownLow = s.ancPerUl() != null && s.ancPerUl() < r.get(Threshold.ANC_NEUTROPENIC);
            this.neutropenic = ancKnownLow || (!ancFresh && earlyEnoughToAssume);
            this.profoundNeutropenia = s.ancPerUl() != null && s.ancPerUl() < r.get(Threshold.ANC_PROFOUND);
            this.steroidsRecent = within(s.steroidsLastDate(), Threshold.STEROID_RECENT_DAYS);
            this.tociRecent = within(s.tocilizumabLastDate(), Threshold.TOCILIZUMAB_RECENT_DAYS);
            this.lowGradeCountsAsFever = Boolean.TRUE.equals(c.antipyreticLast6h()) || steroidsRecent;
            boolean measuredFever = tempC != null && tempC >= r.get(Threshold.FEVER_C);
            boolean lowGrade = tempC != null && !measuredFever && tempC >= r.get(Threshold.BORDERLINE_C);
            this.fever = measuredFever || (lowGrade && lowGradeCountsAsFever);
            this.borderline = lowGrade && !fever;
        }

        void run() {
            emergencies();
            matrix();
            modifiers();
            global();
        }

        // --- §4.2 -------------------------------------------------------------------------------

        void emergencies() {
            Integer spo2 = c.vitals().spo2();
            Integer sbp = c.vitals().systolicBp();
            Integer rr = c.vitals().respiratoryRate();
            emergency(EmergencyRule.E1, c.has(Symptom.UNRESPONSIVE));
            emergency(EmergencyRule.E2, c.has(Symptom.SEIZURE));
            emergency(EmergencyRule.E3, (spo2 != null && spo2 < r.get(Threshold.SPO2_EMERGENCY))
                    || (rr != null && rr >= r.get(Threshold.RESP_RATE_EMERGENCY)));
            emergency(EmergencyRule.E4, c.has(Symptom.FAINTED)
                    || (sbp != null && sbp < r.get(Threshold.SBP_EMERGENCY))
                    || (sbp != null && sbp < r.get(Threshold.SBP_LOW) && c.has(Symptom.CONFUSION)));
            emergency(EmergencyRule.E5, c.has(Symptom.ONE_SIDED_WEAKNESS));
            emergency(EmergencyRule.E6, c.has(Symptom.BLEEDING) && (c.has(Symptom.DIZZY_ON_STANDING) || c.has(Symptom.FAINTED)
                    || (s.plateletsPerUl() != null && s.plateletsPerUl() < r.get(Threshold.PLATELETS_BLEEDING))));
            emergency(EmergencyRule.E7, c.has(Symptom.CHEST_PAIN));
            emergency(EmergencyRule.E8, c.has(Symptom.FACE_THROAT_SWELLING));
            emergency(EmergencyRule.E9, c.has(Symptom.ASCENDING_WEAKNESS)
                    && (c.has(Symptom.CANNOT_SWALLOW) || c.has(Symptom.BREATHLESS_AT_REST)));
        }

        void emergency(EmergencyRule rule, boolean when) {
            if (when) {
                fired.add(rule.name());
                raiseTo(EMERGENCY);
            }
        }

        // --- §4.3 -------------------------------------------------------------------------------

        void matrix() {
            Column column = Column.of(phases.phase());
            Column feverNeuro = Column.of(phases.feverNeuroPhase());
            // ANC < 500 at any time: P2 fever rules whatever the day (§1.2).
            Column feverColumn = ancKnownLow && feverNeuro.ordinal() > Column.P2.ordinal() ? Column.P2 : feverNeuro;
            Integer spo2 = c.vitals().spo2();
            Integer sbp = c.vitals().systolicBp();
            Integer hr = c.vitals().heartRate();
            Integer rr = c.vitals().respiratoryRate();
            Integer stools = c.stoolsAboveBaseline();
            boolean spo2Low = spo2 != null && spo2 < r.get(Threshold.SPO2_LOW);
            boolean breathless = c.has(Symptom.BREATHLESS_AT_REST) || c.has(Symptom.BREATHLESS_ON_EXERTION) || spo2Low;
            boolean onlyDelayedNeuro = c.has(Symptom.FACIAL_DROOP) || c.has(Symptom.SLOW_MOVEMENT)
                    || c.has(Symptom.NUMBNESS_TINGLING) || c.has(Symptom.ASCENDING_WEAKNESS);
            int baselineIce = s.baselineIceScore() == null ? DEFAULT_BASELINE_ICE : s.baselineIceScore();

            if (fever) {
                row(MatrixRow.FEVER, feverColumn, feverP45Disposition(feverColumn));
            }
            if (borderline) {
                Disposition d = MatrixRow.TEMP_BORDERLINE.at(feverColumn);
                if (feverColumn == Column.P1 && !earlierReadingAtLeast(r.get(Threshold.BORDERLINE_C), Duration.ZERO)) {
                    d = SELF_CARE; // first low-grade reading: recheck in 30–60 min
                }
                row(MatrixRow.TEMP_BORDERLINE, feverColumn, d);
                if (!c.temperature().method().isReference()) {
                    advice.add(Advice.ORAL_RECHECK);
                    recheck(15);
                }
            }
            if (tempC != null && tempC < r.get(Threshold.LOW_TEMP_C) && c.has(Symptom.FEELS_UNWELL)) {
                row(MatrixRow.LOW_TEMP, feverColumn, null);
            }
            when(c.has(Symptom.RIGORS), MatrixRow.RIGORS, feverColumn);
            when(c.has(Symptom.DIZZY_ON_STANDING) || (sbp != null && sbp < r.get(Threshold.SBP_LOW)), MatrixRow.DIZZY, column);
            when(hr != null && hr > r.get(Threshold.HEART_RATE_HIGH), MatrixRow.HEART_RATE, column);
            when(c.has(Symptom.BREATHLESS_AT_REST) || spo2Low, MatrixRow.BREATHLESS_REST, column);
            when(rr != null && rr >= r.get(Threshold.RESP_RATE_HIGH), MatrixRow.RESP_RATE, column);
            when(c.has(Symptom.BREATHLESS_ON_EXERTION) && !spo2Low, MatrixRow.BREATHLESS_EXERTION, column);
            boolean iceDrop = c.iceScore() != null && c.iceScore() <= baselineIce - 1;
            when(iceDrop || NEURO_SIGNS.stream().anyMatch(c::has), MatrixRow.NEURO, feverNeuro);
            when(onlyDelayedNeuro, MatrixRow.DELAYED_NEURO, feverNeuro);
            when(c.has(Symptom.SEVERE_HEADACHE) || c.has(Symptom.STIFF_NECK), MatrixRow.HEADACHE, column);
            when(c.has(Symptom.COUGH) && (fever || breathless), MatrixRow.COUGH_FEVER, column);
            when(c.has(Symptom.COUGH) && !fever && !breathless, MatrixRow.COUGH, column);
            if (c.has(Symptom.RUNNY_NOSE_SORE_THROAT) && !fever) {
                row(MatrixRow.URI, column, null);
                if (column == Column.P4P5 || column == Column.P3) {
                    advice.add(Advice.TEST_PROMPTLY);
                }
            }
            if (stools != null && stools > 0) {
                if (stools >= r.get(Threshold.DIARRHEA_SEVERE) || fever || c.has(Symptom.DIZZY_ON_STANDING)) {
                    row(MatrixRow.DIARRHEA_SEVERE, column, null);
                } else if (stools >= r.get(Threshold.DIARRHEA_MODERATE)) {
                    row(MatrixRow.DIARRHEA_MODERATE, column, null);
                } else {
                    row(MatrixRow.DIARRHEA_MILD, column, null);
                    advice.add(Advice.FLUIDS);
                }
            }
            when(c.has(Symptom.VOMITING_CANNOT_KEEP_FLUIDS), MatrixRow.VOMITING, column);
            when(c.has(Symptom.NOT_EATING_DRINKING_24H), MatrixRow.NOT_EATING, column);
            when(c.has(Symptom.BURNING_URINATION) && !fever, MatrixRow.URINARY, column);
            when(c.has(Symptom.BLISTER_RASH), MatrixRow.BLISTER_RASH, column);
            when(c.has(Symptom.NEW_RASH), MatrixRow.NEW_RASH, column);
            when(c.has(Symptom.BLEEDING), MatrixRow.BLEEDING, column);
            when(c.has(Symptom.LINE_SITE_REDNESS), MatrixRow.LINE_SITE, column);
            when(c.has(Symptom.MOUTH_SORES) && !c.has(Symptom.CANNOT_SWALLOW), MatrixRow.MOUTH_SORES, column);
            when(c.has(Symptom.CANNOT_SWALLOW), MatrixRow.CANNOT_SWALLOW, column);
            when(c.has(Symptom.FEELS_UNWELL) && c.symptoms().size() == 1 && rows.isEmpty(), MatrixRow.FATIGUE_MILD, column);
            when(c.has(Symptom.FATIGUE_SEVERE), MatrixRow.FATIGUE_SEVERE, column);
            when(c.has(Symptom.INFECTION_EXPOSURE), MatrixRow.EXPOSURE, column);
            when(c.has(Symptom.MISSED_PROPHYLAXIS_DOSE), MatrixRow.MISSED_PROPHYLAXIS, column);

            if (c.temperature() != null && c.temperature().method() == Temperature.Method.WEARABLE && fever) {
                advice.add(Advice.CONFIRM_WEARABLE);
            }
        }

        /** Fever in P4–P5: a high or sustained reading is same-day; a single low one is a recheck in 60 min. */
        Disposition feverP45Disposition(Column feverColumn) {
            if (feverColumn != Column.P4P5) {
                return null;
            }
            boolean high = tempC != null && tempC >= r.get(Threshold.HIGH_FEVER_C);
            boolean sustained = earlierReadingAtLeast(r.get(Threshold.FEVER_C), SUSTAINED);
            return high || sustained ? CENTER_SAME_DAY : SELF_CARE;
        }

        /** An earlier reading at or above {@code celsius}, at least {@code minAge} before this one. */
        boolean earlierReadingAtLeast(double celsius, Duration minAge) {
            for (PatientContext.Reading reading : p.recentTemperatures()) {
                Duration age = Duration.between(reading.at(), c.recordedAt());
                if (!age.isNegative() && age.compareTo(minAge) >= 0 && age.compareTo(READING_WINDOW) <= 0
                        && reading.celsius() >= celsius) {
                    return true;
                }
            }
            return false;
        }

        void when(boolean condition, MatrixRow row, Column column) {
            if (condition) {
                row(row, column, null);
            }
        }

        /** Fires a row: its cell (or the given disposition), then the row-level modifiers M3, M5, M14. */
        void row(MatrixRow row, Column column, Disposition override) {
            Disposition d = override != null ? override : row.at(column);
            if (row.recheckMinutes(column) > 0 && d == SELF_CARE) {
                recheck(row.recheckMinutes(column));
            }
            if (steroidsRecent && (row.group() == Group.FEVER || row.group() == Group.RESPIRATORY || row.group() == Group.GI)) {
                d = raiseCapped(d, Modifier.M3, CENTER_NOW);
            }
            if (iggLow() && row.group() == Group.RESPIRATORY && (column == Column.P3 || column == Column.P4P5)) {
                d = raiseCapped(d, Modifier.M5, CENTER_SAME_DAY);
            }
            if (frail() && (row.group() == Group.FEVER || row.group() == Group.GI)) {
                d = raiseCapped(d, Modifier.M14, CENTER_NOW);
            }
            fired.add(row.id(column));
            rows.merge(row, d, Disposition::max);
            raiseTo(d);
        }

        /** Raises one level, to at most {@code cap}; never lowers. */
        Disposition raiseCapped(Disposition d, Modifier modifier, Disposition cap) {
            modifiers.add(modifier);
            Disposition raised = d.raised();
            return raised.isAbove(cap) ? Disposition.max(d, cap) : raised;
        }

        // --- §4.4 -------------------------------------------------------------------------------

        void modifiers() {
            Column column = Column.of(phases.phase());
            Integer hr = c.vitals().heartRate();
            Integer sbp = c.vitals().systolicBp();
            Integer spo2 = c.vitals().spo2();
            if (neutropenic && fever) {
                modifier(Modifier.M1, CENTER_NOW);
            }
            if (profoundNeutropenia && borderline && !c.symptoms().isEmpty()) {
                modifier(Modifier.M2, CENTER_NOW);
            }
            if (tociRecent && !fever && c.has(Symptom.FEELS_UNWELL)
                    && ((hr != null && hr > r.get(Threshold.TOCI_HEART_RATE))
                            || (sbp != null && sbp < r.get(Threshold.TOCI_SBP)))) {
                modifier(Modifier.M4, CENTER_NOW);
            }
            boolean severeHistory = atLeast(s.maxCrsGrade(), 2) || atLeast(s.maxIcansGrade(), 2)
                    || Boolean.TRUE.equals(s.iecHsHistory());
            if (severeHistory) {
                boolean feverRow = rows.containsKey(MatrixRow.FEVER);
                boolean neuroRow = rows.containsKey(MatrixRow.NEURO) || rows.containsKey(MatrixRow.DELAYED_NEURO);
                // Recurrent fever after CRS can be IEC-HS in any phase; otherwise fever stays NOW through P3.
                boolean feverApplies = feverRow && (column != Column.P4P5 || Boolean.TRUE.equals(s.iecHsHistory()));
                if (feverApplies || neuroRow) {
                    modifier(Modifier.M6, CENTER_NOW);
                }
            }
            if (Phases.isBcma(p.product()) && rows.containsKey(MatrixRow.DELAYED_NEURO)
                    && phases.day() <= r.get(Threshold.BCMA_DELAYED_NEURO_UNTIL_DAY)) {
                modifier(Modifier.M7, CENTER_SAME_DAY);
            }
            boolean highRisk = p.disease() == Disease.B_ALL || atLeast(s.priorLines(), 4)
                    || Boolean.TRUE.equals(s.priorAlloHct());
            if (highRisk && rows.containsKey(MatrixRow.FEVER)
                    && (phases.phase() == org.cartcompanion.patient.timeline.Phase.P3_INTERMEDIATE
                            || phases.phase() == org.cartcompanion.patient.timeline.Phase.P4_LATE)) {
                modifier(Modifier.M8, CENTER_NOW);
            }
            boolean pjpRisk = Boolean.FALSE.equals(s.prophylaxis().pjp())
                    || (s.cd4PerUl() != null && s.cd4PerUl() < r.get(Threshold.CD4_LOW));
            boolean breathlessOrHypoxic = c.has(Symptom.BREATHLESS_AT_REST) || c.has(Symptom.BREATHLESS_ON_EXERTION)
                    || (spo2 != null && spo2 < r.get(Threshold.SPO2_LOW));
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
            if (rows.get(MatrixRow.FEVER) == CENTER_SAME_DAY && (otherRedFlag() || !modifiers.isEmpty())) {
                rows.put(MatrixRow.FEVER, CENTER_NOW);
                raiseTo(CENTER_NOW);
            }
            if (Boolean.FALSE.equals(s.caregiverPresent()) && (column == Column.P1 || column == Column.P2)
                    && disposition == CENTER_SAME_DAY) {
                modifier(Modifier.M12, CENTER_NOW);
            }
            Integer travel = s.travelMinutesToCenter();
            if (travel != null && travel > r.get(Threshold.TRAVEL_MINUTES) && column != Column.P1
                    && disposition == CENTER_NOW) {
                modifiers.add(Modifier.M13);
                advice.add(Advice.NEAREST_ED_BRANCH);
            }
            modifiers.forEach(m -> fired.add(m.name()));
        }

        boolean otherRedFlag() {
            return rows.entrySet().stream()
                    .anyMatch(e -> e.getKey() != MatrixRow.FEVER && !CENTER_SAME_DAY.isAbove(e.getValue()));
        }

        void modifier(Modifier modifier, Disposition atLeast) {
            modifiers.add(modifier);
            raiseTo(atLeast);
        }

        // --- §4.1 -------------------------------------------------------------------------------

        void global() {
            Column column = Column.of(phases.phase());
            boolean early = column != Column.P4P5;
            if (c.has(Symptom.WANTS_TO_TALK_NOW) || c.has(Symptom.SOMETHING_SERIOUSLY_WRONG)) {
                fired.add(GlobalRule.G3.name());
                raiseTo(early ? CENTER_NOW : CENTER_SAME_DAY);
            }
            boolean unwellWithoutTemperature = tempC == null && early
                    && (c.has(Symptom.FEELS_UNWELL) || c.has(Symptom.RIGORS));
            boolean feverMedicineUnknown = tempC != null && tempC >= r.get(Threshold.BORDERLINE_C)
                    && c.antipyreticLast6h() == null && early;
            if ((unwellWithoutTemperature || feverMedicineUnknown) && disposition != EMERGENCY) {
                fired.add(GlobalRule.G2.name());
                Disposition raised = disposition.raised();
                raiseTo(raised == EMERGENCY ? CENTER_NOW : raised);
            }
            if (disposition.isAbove(SELF_CARE) && (fever || borderline || c.has(Symptom.RIGORS)) && early) {
                advice.add(Advice.NO_FEVER_MEDICINE);
            }
        }

        // --- helpers ----------------------------------------------------------------------------

        void raiseTo(Disposition d) {
            disposition = Disposition.max(disposition, d);
        }

        void recheck(int minutes) {
            recheckMinutes = recheckMinutes == 0 ? minutes : Math.min(recheckMinutes, minutes);
        }

        boolean iggLow() {
            return s.iggMgDl() != null && s.iggMgDl() < r.get(Threshold.IGG_LOW)
                    && !within(s.ivigLastDate(), Threshold.IVIG_RECENT_DAYS);
        }

        boolean frail() {
            return p.ageYears() != null && p.ageYears() >= r.get(Threshold.AGE_FRAIL);
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
