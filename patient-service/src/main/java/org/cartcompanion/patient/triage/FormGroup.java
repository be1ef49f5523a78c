package org.cartcompanion.patient.triage;

import org.cartcompanion.patient.patient.Language;

/** The sections of the check-in form (API.md v1.1 {@code group}), in the order the phone shows them, with their titles. */
public enum FormGroup {
    TEMPERATURE("temperature", "Temperature", "Temperatura"),
    VITALS("vitals", "Measurements from your devices", "Mediciones de sus aparatos"),
    SYMPTOMS("symptoms", "How you feel", "Cómo se siente"),
    NEURO("neuro", "Thinking, speech and movement", "Pensamiento, habla y movimiento");

    private final String code;
    private final String titleEn;
    private final String titleEs;

    FormGroup(String code, String titleEn, String titleEs) {
        this.code = code;
        this.titleEn = titleEn;
        this.titleEs = titleEs;
    }

    public String code() {
        return code;
    }

    public String title(Language language) {
        return language == Language.ES ? titleEs : titleEn;
    }
}
