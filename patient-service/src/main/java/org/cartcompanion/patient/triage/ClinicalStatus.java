package org.cartcompanion.patient.triage;

import java.time.LocalDate;

/**
 * The center-kept clinical status the rules read (clinical-rules.md §3). Every field may be null, meaning unknown; the engine
 * treats unknown as the spec says (e.g. unknown ANC early after infusion counts as neutropenic), never as normal.
 */
public record ClinicalStatus(
        Integer ancPerUl,
        LocalDate ancDate,
        Integer plateletsPerUl,
        Integer iggMgDl,
        LocalDate iggDate,
        LocalDate ivigLastDate,
        Integer cd4PerUl,
        LocalDate steroidsLastDate,
        LocalDate tocilizumabLastDate,
        Integer maxCrsGrade,
        Integer maxIcansGrade,
        Boolean iecHsHistory,
        Prophylaxis prophylaxis,
        Boolean centralLine,
        Boolean caregiverPresent,
        Integer priorLines,
        Boolean priorAlloHct,
        Integer baselineIceScore,
        Integer travelMinutesToCenter) {

    public static final ClinicalStatus UNKNOWN = new ClinicalStatus(null, null, null, null, null, null, null, null, null,
            null, null, null, Prophylaxis.UNKNOWN, null, null, null, null, null, null);

    public ClinicalStatus {
        prophylaxis = prophylaxis == null ? Prophylaxis.UNKNOWN : prophylaxis;
    }
}
