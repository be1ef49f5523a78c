package org.cartcompanion.careteam.handoff;

import java.time.LocalDate;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the receiving community physician reads before accepting: the treatment (from patient-service when the hand-off was
 * made) and the center's plan (from the sender).
 */
// Written and read with Jackson by hand (stored as JSON), so the native image must keep its accessors.
@RegisterForReflection
public record ClinicalSummary(String displayName, String product, LocalDate infusionDate, long dayPostInfusion,
        String phase, Labs labs, ProphylaxisInUse prophylaxisInUse, List<Prophylaxis> prophylaxis, String iggPlan,
        List<Vaccination> vaccinations, List<String> centerSymptoms) {

    /** Latest counts the center recorded; null fields are unknown. */
    public record Labs(Integer ancPerUl, LocalDate ancDate, Integer iggMgDl, LocalDate iggDate, LocalDate ivigLastDate,
            Integer cd4PerUl) {
    }

    /** Which prophylaxis the clinical status says the patient takes now; null is unknown. */
    public record ProphylaxisInUse(Boolean antibacterial, Boolean antiviralHsvVzv, Boolean pjp, Boolean antifungal) {
    }

    /** A prophylactic drug, what it covers and the date it may stop (null: until the center says). */
    public record Prophylaxis(String agent, String covers, LocalDate until) {
    }

    /** A vaccination and when it falls due. */
    public record Vaccination(String vaccine, LocalDate due) {
    }
}
