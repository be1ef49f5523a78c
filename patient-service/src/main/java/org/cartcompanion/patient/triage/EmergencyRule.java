package org.cartcompanion.patient.triage;

/** Emergency rules (clinical-rules.md §4.2): any one → EMERGENCY, in every phase, whatever else applies. */
public enum EmergencyRule {
    E1("Cannot be woken or unresponsive"),
    E2("Any seizure"),
    E3("Severe breathing difficulty: SpO₂ below the emergency threshold at rest, or respiratory rate at or above the emergency rate"),
    E4("Fainting or collapse; systolic BP below the emergency threshold, or below the low threshold with confusion"),
    E5("Sudden one-sided weakness (stroke must be excluded first)"),
    E6("Bleeding with dizziness or fainting, or with platelets below the bleeding threshold"),
    E7("Chest pain or pressure"),
    E8("Face or throat swelling (anaphylaxis)"),
    E9("Ascending weakness with trouble swallowing or breathing (GBS)");

    private final String description;

    EmergencyRule(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
