package org.cartcompanion.patient.triage;

import java.time.LocalDate;

/**
 * The center-kept clinical status the rules read (clinical-rules.md §3, §10.4). Every field may be null, meaning unknown; the
 * engine treats unknown as the spec says (e.g. unknown ANC early after infusion counts as neutropenic), never as normal.
 *
 * @param baselineSpo2
 *            the patient's usual SpO₂, for the "3 points below baseline" row
 * @param baselineSystolicBp
 *            the patient's usual systolic BP, for the "30 below baseline" row
 * @param icahtActive
 *            immune effector cell-associated hematotoxicity in progress (M1: an older ANC counts as unknown)
 * @param frailOrComorbid
 *            significant frailty or comorbidity (M14, like age)
 */
public record ClinicalStatus(
        Integer ancPerUl,
        LocalDate ancDate,
        Integer plateletsPerUl,
        LocalDate plateletsDate,
        Integer iggMgDl,
        LocalDate iggDate,
        LocalDate ivigLastDate,
        Integer cd4PerUl,
        LocalDate steroidsLastDate,
        LocalDate tocilizumabLastDate,
        Integer maxCrsGrade,
        Integer maxIcansGrade,
        Boolean iecHsHistory,
        Boolean icahtActive,
        Prophylaxis prophylaxis,
        Boolean centralLine,
        Boolean caregiverPresent,
        Integer priorLines,
        Boolean priorAlloHct,
        Boolean frailOrComorbid,
        Integer baselineIceScore,
        Integer baselineSpo2,
        Integer baselineSystolicBp,
        Integer travelMinutesToCenter) {

    public static final ClinicalStatus UNKNOWN = new ClinicalStatus(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, Prophylaxis.UNKNOWN, null, null, null, null, null, null, null, null, null);

    public ClinicalStatus {
        prophylaxis = prophylaxis == null ? Prophylaxis.UNKNOWN : prophylaxis;
    }
}
