package org.cartcompanion.patient.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.cartcompanion.patient.patient.Language;
import org.junit.jupiter.api.Test;

/** Patient-facing text: who to call and what not to do, in English and Spanish. */
class InstructionsTest {

    @Test
    void anEmergencySaysCall911AndShowTheWalletCard() {
        TriageResult en = TriageCase.onDay(3).with(Symptom.SEIZURE).triage();
        assertTrue(en.instructions().startsWith("Call 911 now."), en.instructions());
        assertTrue(en.instructions().contains("CAR-T wallet card"), en.instructions());
        TriageResult es = TriageCase.onDay(3).with(Symptom.SEIZURE).language(Language.ES).triage();
        assertTrue(es.instructions().startsWith("Llame al 911 ahora."), es.instructions());
        assertTrue(es.instructions().contains("tarjeta de CAR-T"), es.instructions());
    }

    @Test
    void centerNowNamesTheCentersNumberAndTheEmergencyRoomRule() {
        TriageResult result = TriageCase.onDay(3).tempC(38.5).triage();
        assertEquals(TriageCase.CENTER_PHONE, result.callNumber());
        assertTrue(result.instructions().contains("Call your CAR-T center at +15550199 now."), result.instructions());
        assertTrue(result.instructions().contains("Do not go to an emergency room"), result.instructions());
        TriageResult es = TriageCase.onDay(3).tempC(38.5).language(Language.ES).triage();
        assertTrue(es.instructions().contains("+15550199"), es.instructions());
        assertTrue(es.instructions().contains("No tome medicina para la fiebre"), es.instructions());
    }

    @Test
    void everyDispositionAndAdviceHasTextInBothLanguages() {
        for (Language language : Language.values()) {
            for (Disposition disposition : Disposition.values()) {
                String text = Instructions.render(disposition, EnumSet.allOf(Advice.class), 60, language, null);
                assertTrue(text.length() > 40, text);
                assertTrue(text.length() < 700, text);
            }
            String recheck = Instructions.render(Disposition.SELF_CARE, EnumSet.noneOf(Advice.class), 120, language, "+1555");
            assertTrue(recheck.contains(language == Language.ES ? "2 horas" : "2 hours"), recheck);
            String minutes = Instructions.render(Disposition.SELF_CARE, EnumSet.noneOf(Advice.class), 30, language, "+1555");
            assertTrue(minutes.contains(language == Language.ES ? "30 minutos" : "30 minutes"), minutes);
            String hour = Instructions.render(Disposition.SELF_CARE, EnumSet.noneOf(Advice.class), 60, language, "+1555");
            assertTrue(hour.contains(language == Language.ES ? "1 hora" : "1 hour"), hour);
        }
    }
}
