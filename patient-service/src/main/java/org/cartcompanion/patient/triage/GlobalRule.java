package org.cartcompanion.patient.triage;

/** The global rules of clinical-rules.md §4.1 that change a disposition on their own. */
public enum GlobalRule {
    G2("An unanswered red-flag question: unwell, rigors or breathless without a temperature → at least CENTER_SAME_DAY in "
            + "P1–P2 and COMMUNITY_24H from P3, with 'take your temperature now'; 37.5 °C or more with the fever-medicine "
            + "question unanswered counts the medicine as taken"),
    G3("'I want to speak to someone now' or 'something is seriously wrong': at least CENTER_NOW in P1–P3, CENTER_SAME_DAY in P4–P5");

    private final String description;

    GlobalRule(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
