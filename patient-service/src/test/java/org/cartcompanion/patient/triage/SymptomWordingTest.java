package org.cartcompanion.patient.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cartcompanion.patient.patient.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The label and help line the phone shows for every symptom code, in English and Spanish (clinical-rules.md §10.3). */
class SymptomWordingTest {

    private static final int MAX_LABEL = 60;
    private static final int MAX_HELP = 180;

    /** Printable ASCII and the letters and marks Spanish needs: no degree sign, emoji or typographic quotes. */
    private static final Pattern ALLOWED = Pattern.compile("[\\x20-\\x7E áéíóúüñÁÉÍÓÚÜÑ¿¡]+");

    /** Common English words that have no place in Spanish text. */
    private static final Pattern ENGLISH_WORD = Pattern
            .compile("\\b(the|you|your|and|or|with|when|not|is|of|to|it|this|if|check)\\b",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    @ParameterizedTest
    @EnumSource(Symptom.class)
    void everyCodeHasAShortLabelAndHelpInEveryLanguage(Symptom symptom) {
        for (Language language : Language.values()) {
            SymptomWording.Text text = SymptomWording.of(symptom, language);
            String where = symptom + " " + language;
            assertNotNull(text, where);
            assertFalse(text.label() == null || text.label().isBlank(), where + " label");
            assertFalse(text.help() == null || text.help().isBlank(), where + " help");
            assertTrue(text.label().length() <= MAX_LABEL, where + " label too long: " + text.label());
            assertTrue(text.help().length() <= MAX_HELP, where + " help too long: " + text.help());
            for (String part : new String[] { text.label(), text.help() }) {
                assertEquals(part.strip(), part, where + " has leading or trailing spaces: " + part);
                assertFalse(part.contains("  "), where + " has a double space (a split literal?): " + part);
                assertTrue(ALLOWED.matcher(part).matches(), where + " has an unexpected character: " + part);
            }
            assertFalse(text.label().endsWith("."), where + " label is a tick-box, not a sentence: " + text.label());
            assertTrue(text.help().endsWith("."), where + " help should end a sentence: " + text.help());
        }
    }

    @ParameterizedTest
    @EnumSource(Symptom.class)
    void spanishIsATranslationNotACopy(Symptom symptom) {
        SymptomWording.Text en = SymptomWording.of(symptom, Language.EN);
        SymptomWording.Text es = SymptomWording.of(symptom, Language.ES);
        assertNotEquals(en.label().toLowerCase(Locale.ROOT), es.label().toLowerCase(Locale.ROOT), symptom + " label");
        assertNotEquals(en.help().toLowerCase(Locale.ROOT), es.help().toLowerCase(Locale.ROOT), symptom + " help");
        for (String part : new String[] { es.label(), es.help() }) {
            Matcher english = ENGLISH_WORD.matcher(part);
            assertFalse(english.find(),
                    () -> symptom + " Spanish text has the English word '" + english.group() + "': " + part);
        }
    }

    @Test
    void noTwoCodesShareALabelInALanguage() {
        for (Language language : Language.values()) {
            Map<String, Symptom> seen = new HashMap<>();
            for (Symptom symptom : Symptom.values()) {
                String label = SymptomWording.of(symptom, language).label().toLowerCase(Locale.ROOT);
                assertNull(seen.put(label, symptom), language + ": " + symptom + " has the same label as " + seen.get(label));
            }
        }
    }

    @Test
    void triageDistinctionsAreVisibleInTheLabels() {
        String headache = SymptomWording.of(Symptom.HEADACHE, Language.EN).label().toLowerCase(Locale.ROOT);
        String severe = SymptomWording.of(Symptom.SEVERE_HEADACHE, Language.EN).label().toLowerCase(Locale.ROOT);
        assertTrue(headache.contains("not the worst"), headache);
        assertTrue(severe.contains("worst"), severe);
        String ascending = SymptomWording.of(Symptom.ASCENDING_WEAKNESS, Language.EN).label().toLowerCase(Locale.ROOT);
        String oneSided = SymptomWording.of(Symptom.ONE_SIDED_WEAKNESS, Language.EN).label().toLowerCase(Locale.ROOT);
        assertTrue(ascending.contains("feet") && ascending.contains("up"), ascending);
        assertTrue(oneSided.contains("one side"), oneSided);
    }
}
