package org.cartcompanion.patient.infection;

/** The coded values of an infection record (clinical-rules.md §5.2); stored by name. */
public final class InfectionCodes {

    private InfectionCodes() {
    }

    public enum PathogenClass {
        BACTERIAL, VIRAL, FUNGAL, PARASITIC, CLINICALLY_DOCUMENTED, FUO
    }

    public enum Site {
        BLOODSTREAM, CATHETER, LOWER_RESPIRATORY, UPPER_RESPIRATORY, SINUS, GI, URINARY, SKIN_SOFT_TISSUE, CNS, HEPATIC,
        DISSEMINATED, ORAL_MUCOSA, NAIL, GENITAL_SUPERFICIAL, OTHER
    }

    public enum DocumentationLevel {
        MICROBIOLOGICAL, CLINICAL, FUO
    }

    public enum BmtCtnSeverity {
        MODERATE, SEVERE, LIFE_THREATENING, FATAL
    }

    public enum ProphylaxisClass {
        ANTIBACTERIAL, ANTIVIRAL_HSV_VZV, ANTIVIRAL_HBV, PJP, ANTIFUNGAL_YEAST, ANTIFUNGAL_MOLD
    }

    public enum Attribution {
        INFECTION, CRS, BOTH, UNDETERMINED
    }

    public enum CareSetting {
        HOME_COMMUNITY, COMMUNITY_HOSPITAL, CENTER_OUTPATIENT, CENTER_INPATIENT, ICU
    }

    public enum DetectedBy {
        APP_ALERT, SCHEDULED_VISIT, COMMUNITY_PHYSICIAN, EMERGENCY_DEPARTMENT, LAB
    }

    public enum Outcome {
        RESOLVED, ONGOING, CHRONIC, DEATH
    }

    /** How a COVID-19 infection was shown; antibody-only positives are not reportable. */
    public enum CovidTest {
        PCR, ANTIGEN, ANTIBODY_ONLY
    }
}
