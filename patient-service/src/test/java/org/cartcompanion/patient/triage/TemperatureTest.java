package org.cartcompanion.patient.triage;

import static org.cartcompanion.patient.triage.Disposition.CENTER_NOW;
import static org.cartcompanion.patient.triage.Disposition.CENTER_SAME_DAY;
import static org.cartcompanion.patient.triage.Disposition.COMMUNITY_24H;
import static org.cartcompanion.patient.triage.Disposition.SELF_CARE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cartcompanion.patient.triage.Temperature.Method;
import org.cartcompanion.patient.triage.Temperature.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Temperature handling: units, methods, boundaries, fever medicine and history (clinical-rules.md §2.1). */
class TemperatureTest {

    @ParameterizedTest(name = "day {0}, {1} °C → {2}")
    @CsvSource({
            "5, 37.9, SELF_CARE", "5, 38.0, CENTER_NOW", "5, 38.3, CENTER_NOW",
            "14, 38.0, CENTER_NOW", "15, 38.0, CENTER_NOW", "30, 38.0, CENTER_NOW", "31, 38.0, CENTER_NOW",
            "100, 38.0, CENTER_NOW", "101, 38.0, SELF_CARE", "101, 38.2, SELF_CARE", "101, 38.3, CENTER_SAME_DAY",
            "365, 38.3, CENTER_SAME_DAY", "366, 38.3, CENTER_SAME_DAY", "366, 37.9, SELF_CARE" })
    void feverBoundaries(long day, double celsius, Disposition expected) {
        assertEquals(expected, TriageCase.onDay(day).tempC(celsius).disposition());
    }

    @Test
    void fahrenheitIsConverted() {
        assertEquals(CENTER_NOW, TriageCase.onDay(5).temp(100.4, Unit.F, Method.ORAL).disposition());
        assertEquals(SELF_CARE, TriageCase.onDay(5).temp(100.2, Unit.F, Method.ORAL).disposition());
        assertEquals(38.0, new Temperature(100.4, Unit.F, Method.ORAL).celsius());
        assertEquals(Method.ORAL, new Temperature(38.0, Unit.C, null).method());
    }

    @Test
    void aSustainedLowFeverLateIsSameDayAndARecheckOtherwise() {
        TriageResult single = TriageCase.onDay(200).tempC(38.1).triage();
        assertEquals(SELF_CARE, single.disposition());
        assertEquals(60, single.recheckMinutes());
        assertEquals(CENTER_SAME_DAY, TriageCase.onDay(200).tempC(38.1).earlierReading(65, 38.0).disposition());
        // An earlier reading under an hour ago does not make it sustained.
        assertEquals(SELF_CARE, TriageCase.onDay(200).tempC(38.1).earlierReading(30, 38.2).disposition());
    }

    @Test
    void aSecondLowGradeReadingInP1IsSameDay() {
        TriageResult first = TriageCase.onDay(3).tempC(37.6).triage();
        assertEquals(SELF_CARE, first.disposition());
        assertEquals(30, first.recheckMinutes());
        assertTrue(first.firedRules().contains("TEMP_BORDERLINE_P1"));
        assertEquals(CENTER_SAME_DAY, TriageCase.onDay(3).tempC(37.6).earlierReading(40, 37.5).disposition());
        assertEquals(60, TriageCase.onDay(20).tempC(37.6).triage().recheckMinutes());
        assertEquals(120, TriageCase.onDay(60).tempC(37.6).triage().recheckMinutes());
        assertEquals(240, TriageCase.onDay(200).tempC(37.6).triage().recheckMinutes());
    }

    @Test
    void aBorderlineNonOralReadingAsksForAnOralRecheck() {
        TriageResult result = TriageCase.onDay(3).temp(37.7, Unit.C, Method.AXILLARY).triage();
        assertTrue(result.advice().contains(Advice.ORAL_RECHECK));
        assertEquals(15, result.recheckMinutes());
        assertTrue(result.instructions().contains("by mouth within 15 minutes"), result.instructions());
        TriageResult oral = TriageCase.onDay(3).tempC(37.7).triage();
        assertTrue(!oral.advice().contains(Advice.ORAL_RECHECK));
    }

    @Test
    void aHighWearableValueAsksForConfirmationButCountsAsFever() {
        TriageResult result = TriageCase.onDay(3).temp(38.2, Unit.C, Method.WEARABLE).triage();
        assertEquals(CENTER_NOW, result.disposition());
        assertTrue(result.advice().contains(Advice.CONFIRM_WEARABLE));
    }

    @Test
    void feverMedicineMasksALowGradeTemperature() {
        assertEquals(CENTER_NOW, TriageCase.onDay(40).tempC(37.6).antipyretic(true).disposition());
        assertEquals(SELF_CARE, TriageCase.onDay(40).tempC(37.6).antipyretic(false).disposition());
    }

    @Test
    void anUnansweredFeverMedicineQuestionCountsTheMedicineAsTaken() {
        TriageResult result = TriageCase.onDay(40).tempC(37.6).antipyretic(null).triage();
        assertEquals(CENTER_NOW, result.disposition());
        assertTrue(result.firedRules().containsAll(java.util.List.of("G2", "FEVER_P3")), result.firedRules()::toString);
        // Late, the low-grade reading counts as a fever too: the P4–P5 fever row's recheck in 60 minutes.
        TriageResult late = TriageCase.onDay(200).tempC(37.6).antipyretic(null).triage();
        assertEquals(SELF_CARE, late.disposition());
        assertTrue(late.firedRules().containsAll(java.util.List.of("G2", "FEVER_P4P5")), late.firedRules()::toString);
        assertEquals(60, late.recheckMinutes());
        // Below 37.5 °C the question is not a red flag.
        assertTrue(!TriageCase.onDay(40).tempC(37.4).antipyretic(null).triage().firedRules().contains("G2"));
    }

    @Test
    void feelingUnwellWithoutATemperatureIsAnUnansweredRedFlag() {
        TriageResult result = TriageCase.onDay(10).noTemperature().with(Symptom.FEELS_UNWELL).triage();
        assertEquals(CENTER_SAME_DAY, result.disposition());
        assertTrue(result.firedRules().contains("G2"));
        assertTrue(result.advice().contains(Advice.TAKE_TEMPERATURE_NOW));
        assertTrue(result.instructions().contains("Take your temperature now and check in again."), result.instructions());
        assertEquals(COMMUNITY_24H, TriageCase.onDay(200).noTemperature().with(Symptom.FEELS_UNWELL).disposition());
        assertEquals(CENTER_NOW, TriageCase.onDay(10).noTemperature().with(Symptom.RIGORS).disposition());
    }

    @Test
    void feverInstructionsWarnAgainstFeverMedicine() {
        TriageResult result = TriageCase.onDay(5).tempC(38.4).triage();
        assertTrue(result.instructions().contains("Do not take fever medicine"), result.instructions());
        assertNull(result.recheckMinutes());
    }

    @Test
    void lowTemperatureOnlyCountsWithFeelingUnwell() {
        assertEquals(SELF_CARE, TriageCase.onDay(5).tempC(35.9).disposition());
        assertEquals(CENTER_NOW, TriageCase.onDay(5).tempC(35.9).with(Symptom.FEELS_UNWELL).disposition());
        // At 36.0 °C feeling unwell is its own row: same-day in P1.
        assertEquals(CENTER_SAME_DAY, TriageCase.onDay(5).tempC(36.0).with(Symptom.FEELS_UNWELL).disposition());
    }
}
