package org.cartcompanion.patient.triage;

import java.time.LocalDate;

import org.cartcompanion.patient.patient.Product;
import org.cartcompanion.patient.timeline.Phase;
import org.cartcompanion.patient.timeline.Timeline;

/** The patient's phase with the product overrides of clinical-rules.md §1.2. */
public final class Phases {

    /**
     * @param day
     *            days since infusion (first dose) on the patient's local date
     * @param phase
     *            the phase shown to users and used by most rows
     * @param feverNeuroPhase
     *            the phase that fever and neuro rows use (cilta-cel keeps P1 longer)
     */
    public record Assessment(long day, Phase phase, Phase feverNeuroPhase) {
    }

    private Phases() {
    }

    public static Assessment assess(Product product, LocalDate infusionDate, LocalDate secondDoseDate, LocalDate today,
            RuleSet rules) {
        long day = Timeline.dayPostInfusion(infusionDate, today);
        Phase phase = Timeline.phaseOf(day);
        if (product == Product.OBE_CEL && day >= 0) {
            // Split dose: P1 stays open until 14 days after the second dose (dose 2 ~ day 10 ± 2).
            long secondDoseDay = secondDoseDate != null
                    ? Timeline.dayPostInfusion(infusionDate, secondDoseDate)
                    : (long) rules.get(Threshold.OBE_CEL_ASSUMED_SECOND_DOSE_DAY);
            if (day <= secondDoseDay + (long) rules.get(Threshold.OBE_CEL_ACUTE_DAYS_AFTER_SECOND_DOSE)) {
                phase = Phase.P1_ACUTE;
            }
        }
        Phase feverNeuro = phase;
        if (product == Product.CILTA_CEL && day >= 0 && day <= (long) rules.get(Threshold.CILTA_CEL_ACUTE_UNTIL_DAY)) {
            // Later CRS onset, and ICANS after CRS resolution.
            feverNeuro = Phase.P1_ACUTE;
        }
        return new Assessment(day, phase, feverNeuro);
    }

    /** The phase shown for a patient, with the default rules. */
    public static Phase of(Product product, LocalDate infusionDate, LocalDate secondDoseDate, LocalDate today) {
        return assess(product, infusionDate, secondDoseDate, today, RuleSet.DEFAULT).phase();
    }

    public static boolean isBcma(Product product) {
        return product == Product.IDE_CEL || product == Product.CILTA_CEL;
    }
}
