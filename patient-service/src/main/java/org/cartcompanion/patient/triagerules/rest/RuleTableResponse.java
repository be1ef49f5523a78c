package org.cartcompanion.patient.triagerules.rest;

import java.util.List;

/** {@code GET /api/v1/triage-rules}: the default rule table, as data. */
public record RuleTableResponse(String version, List<Rule> rules, List<ThresholdEntry> thresholds) {

    /** A rule with its stable id; matrix rows carry their disposition per phase column. */
    public record Rule(String id, String kind, String description, java.util.Map<String, String> dispositions) {
    }

    public record ThresholdEntry(String name, double defaultValue, double min, double max, String unit, String description) {
    }
}
