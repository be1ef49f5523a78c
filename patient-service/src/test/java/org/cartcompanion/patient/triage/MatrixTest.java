package org.cartcompanion.patient.triage;

import static org.cartcompanion.patient.triage.Disposition.CENTER_NOW;
import static org.cartcompanion.patient.triage.Disposition.CENTER_SAME_DAY;
import static org.cartcompanion.patient.triage.Disposition.COMMUNITY_24H;
import static org.cartcompanion.patient.triage.Disposition.SELF_CARE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.cartcompanion.patient.triage.MatrixRow.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the symptom × phase matrix (clinical-rules.md §4.3) at the phase boundaries: day 14/15, 30/31, 100/101 and
 * 365/366, with the spec's dispositions written out here rather than read from the table under test.
 */
class MatrixTest {

    private static final long[] BOUNDARY_DAYS = { 0, 14, 15, 30, 31, 100, 101, 365, 366 };

    record Row(String id, Consumer<TriageCase> input, Disposition p1, Disposition p2, Disposition p3, Disposition p45) {

        Disposition expected(Column column) {
            return switch (column) {
            case P1 -> p1;
            case P2 -> p2;
            case P3 -> p3;
            case P4P5 -> p45;
            };
        }
    }

    static List<Row> rows() {
        return List.of(
                new Row("FEVER", c -> c.tempC(38.3), CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_SAME_DAY),
                new Row("LOW_TEMP", c -> c.tempC(35.9).with(Symptom.FEELS_UNWELL), CENTER_NOW, CENTER_NOW, CENTER_NOW,
                        CENTER_SAME_DAY),
                new Row("RIGORS", c -> c.with(Symptom.RIGORS), CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_SAME_DAY),
                new Row("FEELS_UNWELL", c -> c.with(Symptom.FEELS_UNWELL), CENTER_SAME_DAY, CENTER_SAME_DAY, COMMUNITY_24H,
                        COMMUNITY_24H),
                new Row("DIZZY", c -> c.with(Symptom.DIZZY_ON_STANDING), CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_NOW),
                new Row("DIZZY", c -> c.sbp(89), CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_NOW),
                new Row("SBP_BELOW_BASELINE", c -> c.sbp(99).set(x -> x.baselineSbp = 130), CENTER_NOW, CENTER_NOW,
                        CENTER_NOW, CENTER_NOW),
                new Row("COLD_CLAMMY_SKIN", c -> c.with(Symptom.COLD_CLAMMY_SKIN), CENTER_NOW, CENTER_NOW, CENTER_NOW,
                        CENTER_NOW),
                new Row("HEART_RATE", c -> c.heartRate(121), CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_NOW),
                new Row("PALPITATIONS", c -> c.with(Symptom.PALPITATIONS), CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_NOW),
                new Row("BREATHLESS_REST", c -> c.with(Symptom.BREATHLESS_AT_REST), CENTER_NOW, CENTER_NOW, CENTER_NOW,
                        CENTER_NOW),
                new Row("SPO2_BELOW_BASELINE", c -> c.spo2(96).set(x -> x.baselineSpo2 = 99), CENTER_NOW, CENTER_NOW,
                        CENTER_NOW, CENTER_NOW),
                new Row("RESP_RATE", c -> c.respRate(22), CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_NOW),
                new Row("BREATHLESS_EXERTION", c -> c.with(Symptom.BREATHLESS_ON_EXERTION).spo2(94), CENTER_SAME_DAY,
                        CENTER_SAME_DAY, CENTER_SAME_DAY, COMMUNITY_24H),
                new Row("NEURO", c -> c.with(Symptom.WORD_FINDING_DIFFICULTY), CENTER_NOW, CENTER_NOW, CENTER_NOW,
                        CENTER_NOW),
                new Row("NEURO", c -> c.with(Symptom.NOT_ACTING_LIKE_THEMSELVES), CENTER_NOW, CENTER_NOW, CENTER_NOW,
                        CENTER_NOW),
                new Row("NEURO", c -> c.ice(9), CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_NOW),
                new Row("DELAYED_NEURO", c -> c.with(Symptom.SLOW_MOVEMENT), CENTER_NOW, CENTER_SAME_DAY, CENTER_SAME_DAY,
                        CENTER_SAME_DAY),
                new Row("ASCENDING_WEAKNESS", c -> c.with(Symptom.ASCENDING_WEAKNESS), CENTER_NOW, CENTER_SAME_DAY,
                        CENTER_SAME_DAY, CENTER_SAME_DAY),
                new Row("NEURO_PROGRESSING", c -> c.with(Symptom.NUMBNESS_TINGLING, Symptom.WORSE_OVER_HOURS), CENTER_NOW,
                        CENTER_NOW, CENTER_NOW, CENTER_NOW),
                new Row("SEVERE_HEADACHE", c -> c.with(Symptom.SEVERE_HEADACHE), CENTER_NOW, CENTER_NOW, CENTER_NOW,
                        CENTER_NOW),
                new Row("SEVERE_HEADACHE", c -> c.with(Symptom.HEADACHE, Symptom.STIFF_NECK), CENTER_NOW, CENTER_NOW,
                        CENTER_NOW, CENTER_NOW),
                new Row("HEADACHE", c -> c.with(Symptom.HEADACHE), CENTER_SAME_DAY, CENTER_SAME_DAY, COMMUNITY_24H,
                        COMMUNITY_24H),
                new Row("COUGH_FEVER", c -> c.with(Symptom.COUGH, Symptom.BREATHLESS_ON_EXERTION), CENTER_NOW, CENTER_NOW,
                        CENTER_NOW, CENTER_NOW),
                new Row("COUGH", c -> c.with(Symptom.COUGH), CENTER_SAME_DAY, CENTER_SAME_DAY, CENTER_SAME_DAY,
                        COMMUNITY_24H),
                new Row("URI", c -> c.with(Symptom.RUNNY_NOSE_SORE_THROAT), CENTER_SAME_DAY, CENTER_SAME_DAY, COMMUNITY_24H,
                        COMMUNITY_24H),
                new Row("DIARRHEA_SEVERE", c -> c.stools(7), CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_SAME_DAY),
                new Row("DIARRHEA_SEVERE", c -> c.with(Symptom.BLOODY_DIARRHEA), CENTER_NOW, CENTER_NOW, CENTER_NOW,
                        CENTER_SAME_DAY),
                new Row("DIARRHEA_MODERATE", c -> c.stools(4), CENTER_SAME_DAY, CENTER_SAME_DAY, COMMUNITY_24H,
                        COMMUNITY_24H),
                new Row("DIARRHEA_MILD", c -> c.stools(3), SELF_CARE, SELF_CARE, SELF_CARE, SELF_CARE),
                new Row("VOMITING", c -> c.with(Symptom.VOMITING_CANNOT_KEEP_FLUIDS), CENTER_NOW, CENTER_SAME_DAY,
                        CENTER_SAME_DAY, COMMUNITY_24H),
                new Row("NOT_EATING", c -> c.with(Symptom.NOT_EATING_DRINKING_24H), CENTER_SAME_DAY, CENTER_SAME_DAY,
                        CENTER_SAME_DAY, COMMUNITY_24H),
                new Row("URINARY", c -> c.with(Symptom.BURNING_URINATION), CENTER_SAME_DAY, CENTER_SAME_DAY, COMMUNITY_24H,
                        COMMUNITY_24H),
                new Row("URINARY", c -> c.with(Symptom.FLANK_PAIN), CENTER_SAME_DAY, CENTER_SAME_DAY, COMMUNITY_24H,
                        COMMUNITY_24H),
                new Row("URINARY_NEUTROPENIC", c -> c.with(Symptom.BURNING_URINATION).anc(450, TriageCase.TODAY),
                        CENTER_NOW, CENTER_SAME_DAY, CENTER_SAME_DAY, CENTER_SAME_DAY),
                new Row("BLISTER_RASH", c -> c.with(Symptom.BLISTER_RASH), CENTER_SAME_DAY, CENTER_SAME_DAY,
                        CENTER_SAME_DAY, CENTER_SAME_DAY),
                new Row("RASH_EYE_OR_FACE", c -> c.with(Symptom.RASH_EYE_OR_FACE), CENTER_NOW, CENTER_NOW, CENTER_NOW,
                        CENTER_NOW),
                new Row("NEW_RASH", c -> c.with(Symptom.NEW_RASH), CENTER_SAME_DAY, CENTER_SAME_DAY, COMMUNITY_24H,
                        COMMUNITY_24H),
                new Row("BLEEDING", c -> c.with(Symptom.BLEEDING), CENTER_NOW, CENTER_NOW, CENTER_SAME_DAY,
                        CENTER_SAME_DAY),
                new Row("BLEEDING", c -> c.with(Symptom.BLACK_STOOLS), CENTER_NOW, CENTER_NOW, CENTER_SAME_DAY,
                        CENTER_SAME_DAY),
                new Row("HEAD_INJURY", c -> c.with(Symptom.HEAD_INJURY), CENTER_SAME_DAY, CENTER_SAME_DAY, CENTER_SAME_DAY,
                        CENTER_SAME_DAY),
                new Row("LINE_SITE", c -> c.with(Symptom.LINE_SITE_REDNESS), CENTER_NOW, CENTER_NOW, CENTER_SAME_DAY,
                        CENTER_SAME_DAY),
                new Row("MOUTH_SORES", c -> c.with(Symptom.MOUTH_SORES), CENTER_SAME_DAY, COMMUNITY_24H, COMMUNITY_24H,
                        SELF_CARE),
                new Row("CANNOT_SWALLOW", c -> c.with(Symptom.CANNOT_SWALLOW), CENTER_SAME_DAY, CENTER_SAME_DAY,
                        CENTER_SAME_DAY, CENTER_SAME_DAY),
                new Row("FATIGUE_SEVERE", c -> c.with(Symptom.FATIGUE_SEVERE), CENTER_SAME_DAY, CENTER_SAME_DAY,
                        COMMUNITY_24H, COMMUNITY_24H),
                new Row("EXPOSURE", c -> c.with(Symptom.INFECTION_EXPOSURE), CENTER_SAME_DAY, CENTER_SAME_DAY,
                        CENTER_SAME_DAY, CENTER_SAME_DAY),
                new Row("MISSED_PROPHYLAXIS", c -> c.with(Symptom.MISSED_PROPHYLAXIS_DOSE), COMMUNITY_24H, COMMUNITY_24H,
                        COMMUNITY_24H, COMMUNITY_24H));
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Row row : rows()) {
            for (long day : BOUNDARY_DAYS) {
                cells.add(Arguments.of(row.id(), day, row));
            }
        }
        return cells.stream();
    }

    static Column columnOf(long day) {
        return day <= 14 ? Column.P1 : day <= 30 ? Column.P2 : day <= 100 ? Column.P3 : Column.P4P5;
    }

    @ParameterizedTest(name = "{0} on day {1}")
    @MethodSource("cells")
    void eachRowGivesTheSpecsDispositionInEachPhase(String id, long day, Row row) {
        Column column = columnOf(day);
        TriageResult result = TriageCase.onDay(day).set(row.input()).triage();
        assertEquals(row.expected(column), result.disposition(), () -> id + " day " + day + " fired " + result.firedRules());
        assertTrue(result.firedRules().contains(id + "_" + column), () -> id + " fired " + result.firedRules());
    }

    @Test
    void everyRowOfTheTableIsCovered() {
        List<String> tested = rows().stream().map(Row::id).toList();
        for (MatrixRow row : MatrixRow.values()) {
            if (row != MatrixRow.TEMP_BORDERLINE) { // conditional on history: see TemperatureTest
                assertTrue(tested.contains(row.name()), row.name());
            }
        }
    }

    @Test
    void nothingReportedIsSelfCare() {
        TriageResult result = TriageCase.onDay(5).triage();
        assertEquals(SELF_CARE, result.disposition());
        assertTrue(result.firedRules().isEmpty(), result.firedRules()::toString);
        assertEquals(false, result.alertRequested());
    }
}
