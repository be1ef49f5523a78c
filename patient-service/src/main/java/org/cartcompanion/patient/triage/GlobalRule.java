package org.cartcompanion.patient.triage;

/** The global rules of clinical-rules.md §4.1 that change a disposition on their own. */
public enum GlobalRule {
    G2("An unanswered or ambiguous red flag (unwell without a temperature, or fever medicine not asked) raises one level, to at most CENTER_NOW"),
    G3("'I want to speak to someone now' or 'something is seriously wrong': at least CENTER_NOW in P1–P3, CENTER_SAME_DAY in P4–P5");

    private final String description;

    GlobalRule(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
