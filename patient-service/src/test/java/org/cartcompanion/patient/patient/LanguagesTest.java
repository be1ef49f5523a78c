package org.cartcompanion.patient.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguagesTest {

    @ParameterizedTest(name = "''{0}'' with fallback {1} → {2}")
    @CsvSource(value = {
            "es-MX,es;q=0.9,en;q=0.8 | EN | ES",
            "en-US | ES | EN",
            "fr-FR, de;q=0.5 | ES | ES",
            "'' | ES | ES",
            "null | EN | EN",
            "en;q=0.4, es;q=0.7 | EN | ES",
            "* | ES | ES",
            "es;q=abc, en | ES | EN",
            "; | ES | ES",
            ";, es | EN | ES" }, delimiter = '|', nullValues = "null")
    void picksTheMostPreferredSupportedLanguage(String header, Language fallback, Language expected) {
        assertEquals(expected, Languages.fromAcceptLanguage(header, fallback));
    }
}
