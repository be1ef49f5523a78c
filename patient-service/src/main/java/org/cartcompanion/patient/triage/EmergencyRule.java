package org.cartcompanion.patient.triage;

/** Emergency rules (clinical-rules.md §4.2): any one → EMERGENCY, in every phase, whatever else applies. */
public enum EmergencyRule {
    E1("Cannot be woken or unresponsive"),
    E2("Any seizure"),
    E3("Severe breathing difficulty (can't finish a sentence, blue or grey lips, gasping), SpO₂ below the emergency threshold, or "
            + "respiratory rate at or above the emergency rate"),
    E4("Fainting or collapse; systolic BP below the emergency threshold; low systolic BP or cold clammy skin with confusion; low "
            + "systolic BP with cold clammy skin"),
    E5("Sudden one-sided weakness or sudden slurred speech (stroke must be excluded first)"),
    E6("Heavy bleeding or vomiting blood; bleeding or black stools with dizziness, fainting or platelets below the bleeding "
            + "threshold; a head injury with platelets below it, or unknown while early after infusion"),
    E7("Chest pain or pressure; palpitations with fainting"),
    E8("Face or throat swelling, or wheeze or hives after IVIG or a new medicine (anaphylaxis)"),
    E9("Limb weakness (ascending or new) with any breathing trouble (breathless, SpO₂ low, respiratory rate high) or trouble "
            + "swallowing (GBS)");

    private final String description;

    EmergencyRule(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
