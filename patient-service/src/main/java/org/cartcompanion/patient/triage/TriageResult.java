package org.cartcompanion.patient.triage;

import java.util.List;
import java.util.Set;

import org.cartcompanion.patient.timeline.Phase;

/**
 * The outcome of one triage.
 *
 * @param firedRules
 *            the id of every rule that fired, in evaluation order (emergency, matrix, modifiers, global)
 * @param recheckMinutes
 *            when to check the temperature again (a temperature row's recheck is given whatever the disposition), or null
 * @param instructions
 *            patient-facing text in the requested language
 * @param callNumber
 *            the number to call: 911 for an emergency, otherwise the center
 */
public record TriageResult(Disposition disposition, List<String> firedRules, String ruleSetVersion, long dayPostInfusion,
        Phase phase, Integer recheckMinutes, Set<Advice> advice, String instructions, String callNumber) {

    /** True for every disposition above self-care: a clinician must hear about it. */
    public boolean alertRequested() {
        return disposition != Disposition.SELF_CARE;
    }
}
