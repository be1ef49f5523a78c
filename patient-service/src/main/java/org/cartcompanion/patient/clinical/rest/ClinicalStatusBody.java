package org.cartcompanion.patient.clinical.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code PUT/GET /api/v1/patients/{id}/clinical-status}: every field optional; absent means unknown. {@code patientId},
 * {@code updatedBy} and {@code updatedAt} are filled in on the way out and ignored on the way in. Ranges as for a check-in's
 * vitals (baselineSpo2 50–100, baselineSystolicBp 40–300); dates not after the patient's today.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ClinicalStatusBody(
        @Min(0) @Max(100_000) Integer ancPerUl,
        LocalDate ancDate,
        @Min(0) @Max(2_000_000) Integer plateletsPerUl,
        LocalDate plateletsDate,
        @Min(0) @Max(5_000) Integer iggMgDl,
        LocalDate iggDate,
        LocalDate ivigLastDate,
        @Min(0) @Max(5_000) Integer cd4PerUl,
        LocalDate steroidsLastDate,
        LocalDate tocilizumabLastDate,
        @Min(0) @Max(4) Integer maxCrsGrade,
        @Min(0) @Max(4) Integer maxIcansGrade,
        Boolean iecHsHistory,
        Boolean icahtActive,
        @Valid ProphylaxisBody prophylaxis,
        Boolean centralLine,
        Boolean caregiverPresent,
        @Min(0) @Max(30) Integer priorLines,
        Boolean priorAlloHct,
        Boolean frailOrComorbid,
        @Min(0) @Max(10) Integer baselineIceScore,
        @Min(50) @Max(100) Integer baselineSpo2,
        @Min(40) @Max(300) Integer baselineSystolicBp,
        @Min(0) @Max(1_440) Integer travelMinutesToCenter,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) UUID patientId,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) String updatedBy,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) Instant updatedAt) {

    public record ProphylaxisBody(Boolean antibacterial, Boolean antiviralHsvVzv, Boolean pjp, Boolean antifungal) {
    }
}
