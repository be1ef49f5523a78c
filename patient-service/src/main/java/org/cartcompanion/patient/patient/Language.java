package org.cartcompanion.patient.patient;

import com.fasterxml.jackson.annotation.JsonValue;

/** The language of patient-facing text. */
public enum Language {
    EN("en"), ES("es");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Language fromCode(String code) {
        for (Language language : values()) {
            if (language.code.equals(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language");
    }
}
