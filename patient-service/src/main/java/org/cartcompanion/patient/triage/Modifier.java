package org.cartcompanion.patient.triage;

/**
 * Patient modifiers (clinical-rules.md §4.4): applied after the matrix and the global rules, again until nothing changes; they
 * only ever raise, and never to an emergency.
 */
public enum Modifier {
    M1("Neutropenic (ANC below threshold, below 1000 and falling, or unknown/stale early after infusion or while ICAHT is "
            + "active): any fever → CENTER_NOW in every phase"),
    M2("Profound neutropenia: low-grade temperature with any symptom (a code, diarrhea, a home-ICE drop or an abnormal vital "
            + "sign) → CENTER_NOW"),
    M3("Systemic steroids recently: +1 level for fever, respiratory and GI rows; low-grade temperature counts as fever"),
    M4("Tocilizumab recently: feels unwell with high heart rate or low BP, with or without fever → CENTER_NOW"),
    M5("IgG low without recent IVIG, or two or more respiratory or sinus infections on record in six months: respiratory rows "
            + "+1 level (to at most CENTER_SAME_DAY) in P3–P5"),
    M6("CRS or ICANS grade ≥ 2, or IEC-HS history: fever stays CENTER_NOW through P3 (every phase after IEC-HS); any neuro row "
            + "→ CENTER_NOW"),
    M7("BCMA product: delayed-neuro row at least CENTER_SAME_DAY through the watch period; fever follows ANC"),
    M8("B-ALL, ≥ 4 prior lines or prior allo-HCT: fever in P3–P4 → CENTER_NOW"),
    M9("Off PJP prophylaxis or CD4 low, with cough and breathlessness or low SpO₂ → CENTER_NOW"),
    M10("Off HSV/VZV prophylaxis with a vesicular rash → at least CENTER_SAME_DAY"),
    M11("Central line: any fever → CENTER_NOW"),
    M12("No caregiver present in P1–P2: any CENTER_SAME_DAY → CENTER_NOW"),
    M13("Travel time over the threshold in P2+: CENTER_NOW includes the nearest-ED branch"),
    M14("Age at or above the frailty threshold, or frail or comorbid: +1 level for fever and GI rows");

    private final String description;

    Modifier(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
