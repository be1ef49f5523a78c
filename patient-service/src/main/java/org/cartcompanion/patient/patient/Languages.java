package org.cartcompanion.patient.patient;

import java.util.Locale;

/** Picks the language of patient-facing text from an {@code Accept-Language} header. */
public final class Languages {

    private Languages() {
    }

    /**
     * The supported language the client prefers most (by q-value, then order), or {@code fallback} (the patient's own language)
     * when the header is absent or names none we have.
     */
    public static Language fromAcceptLanguage(String header, Language fallback) {
        if (header == null || header.isBlank()) {
            return fallback;
        }
        Language best = null;
        double bestQ = 0;
        for (String part : header.split(",")) {
            String[] pieces = part.trim().split(";");
            if (pieces.length == 0) {
                // ";" alone: nothing named; a malformed header never fails the request.
                continue;
            }
            String tag = pieces[0].trim().toLowerCase(Locale.ROOT);
            double q = 1.0;
            for (int i = 1; i < pieces.length; i++) {
                String param = pieces[i].trim();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
            Language candidate = switch (primary) {
            case "en" -> Language.EN;
            case "es" -> Language.ES;
            case "*" -> fallback;
            default -> null;
            };
            if (candidate != null && q > bestQ) {
                best = candidate;
                bestQ = q;
            }
        }
        return best == null ? fallback : best;
    }
}
