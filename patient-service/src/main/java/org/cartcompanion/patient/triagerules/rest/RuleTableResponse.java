package org.cartcompanion.patient.triagerules.rest;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/triage-rules}: the default rule table, as data: the rules, the thresholds, and the symptom codes with the
 * plain-language label and help the phone shows, per language.
 */
public record RuleTableResponse(String version, List<Rule> rules, List<ThresholdEntry> thresholds,
        List<SymptomEntry> symptoms) {

    /** A rule with its stable id; matrix rows carry their disposition per phase column. */
    public record Rule(String id, String kind, String description, Map<String, String> dispositions) {
    }

    /** {@code stricter}: LOWER or HIGHER, the direction a center may move the value without its medical lead's approval. */
    public record ThresholdEntry(String name, double defaultValue, double min, double max, String stricter, String unit,
            String description) {
    }

    /** A symptom code; {@code label} and {@code help} by language code ({@code en}, {@code es}). */
    public record SymptomEntry(String code, Map<String, String> label, Map<String, String> help) {
    }
}
