package org.cartcompanion.patient.triage;

import java.time.LocalDate;

import org.cartcompanion.patient.patient.Product;
import org.cartcompanion.patient.timeline.Phase;
import org.cartcompanion.patient.timeline.Timeline;

/** The patient's phase with the product overrides of clinical-rules.md §1.2 and §10.5. */
public final class Phases {

    /**
     * @param day
     *            days since infusion (first dose) on the patient's local date
     * @param phase
     *            the phase every row uses and users see
     * @param secondDoseAssumed
     *            obe-cel without a recorded second dose: P1 was kept open for the latest day it could have been given
     */
    public record Assessment(long day, Phase phase, boolean secondDoseAssumed) {
    }

    private Phases() {
    }

    public static Assessment assess(Product product, LocalDate infusionDate, LocalDate secondDoseDate, LocalDate today,
            RuleSet rules) {
        long day = Timeline.dayPostInfusion(infusionDate, today);
        Phase phase = Timeline.phaseOf(day);
        boolean assumed = false;
        if (product == Product.OBE_CEL && day >= 0) {
            // Split dose: P1 stays open until 14 days after the second dose, that day included (dose 2 ~ day 10 ± 2; the
            // latest, day 12, is assumed until it is recorded).
            assumed = secondDoseDate == null;
            long secondDoseDay = assumed
                    ? (long) rules.get(Threshold.OBE_CEL_ASSUMED_SECOND_DOSE_DAY)
                    : Timeline.dayPostInfusion(infusionDate, secondDoseDate);
            if (day <= secondDoseDay + (long) rules.get(Threshold.OBE_CEL_ACUTE_DAYS_AFTER_SECOND_DOSE)) {
                phase = Phase.P1_ACUTE;
            }
        }
        if (product == Product.CILTA_CEL && day >= 0 && day <= (long) rules.get(Threshold.CILTA_CEL_ACUTE_UNTIL_DAY)) {
            // Later CRS onset, and ICANS after CRS resolution: every row, and the phase reported, stay P1 (§10.5).
            phase = Phase.P1_ACUTE;
        }
        return new Assessment(day, phase, assumed);
    }

    /** The phase shown for a patient, with the default rules. */
    public static Phase of(Product product, LocalDate infusionDate, LocalDate secondDoseDate, LocalDate today) {
        return assess(product, infusionDate, secondDoseDate, today, RuleSet.DEFAULT).phase();
    }

    /**
     * obe-cel whose second dose is overdue for recording (from the day after the latest day it is given): coordinators are
     * reminded.
     */
    public static boolean secondDoseOverdue(Product product, LocalDate infusionDate, LocalDate secondDoseDate,
            LocalDate today) {
        long day = Timeline.dayPostInfusion(infusionDate, today);
        return product == Product.OBE_CEL && secondDoseDate == null
                && day > (long) RuleSet.DEFAULT.get(Threshold.OBE_CEL_ASSUMED_SECOND_DOSE_DAY);
    }

    public static boolean isBcma(Product product) {
        return product == Product.IDE_CEL || product == Product.CILTA_CEL;
    }
}
