package org.cartcompanion.patient.infection.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.cartcompanion.patient.infection.InfectionCodes.Attribution;
import org.cartcompanion.patient.infection.InfectionCodes.BmtCtnSeverity;
import org.cartcompanion.patient.infection.InfectionCodes.CareSetting;
import org.cartcompanion.patient.infection.InfectionCodes.CovidTest;
import org.cartcompanion.patient.infection.InfectionCodes.DetectedBy;
import org.cartcompanion.patient.infection.InfectionCodes.DocumentationLevel;
import org.cartcompanion.patient.infection.InfectionCodes.Outcome;
import org.cartcompanion.patient.infection.InfectionCodes.PathogenClass;
import org.cartcompanion.patient.infection.InfectionCodes.ProphylaxisClass;
import org.cartcompanion.patient.infection.InfectionCodes.Site;

/** {@code POST/PUT /api/v1/patients/{id}/infections[/{eventId}]}: what a clinician records. */
public record InfectionEventBody(
        @NotNull LocalDate onsetDate,
        @NotNull LocalDate diagnosisDate,
        @NotNull PathogenClass pathogenClass,
        @Size(max = 10) List<@Valid @NotNull Organism> organisms,
        @Size(max = 12) List<@NotNull Site> sites,
        @NotNull DocumentationLevel documentationLevel,
        @NotNull @Min(1) @Max(5) Integer severityCtcae,
        BmtCtnSeverity severityBmtCtn,
        @Min(0) @Max(100_000) Integer ancAtOnset,
        @Min(0) @Max(5_000) Integer iggAtOnset,
        Boolean ivigWithin30d,
        @Min(0) @Max(5_000) Integer cd4AtOnset,
        @Size(max = 10) List<@Valid @NotNull ProphylaxisCourse> prophylaxisActive,
        @Min(0) @Max(4) Integer concurrentCrsGrade,
        @Min(0) @Max(4) Integer concurrentIcansGrade,
        Boolean iecHs,
        @NotNull Attribution attribution,
        CareSetting careSetting,
        DetectedBy detectedBy,
        @NotNull Boolean treatmentRequired,
        Boolean hospitalized,
        Boolean icu,
        @NotNull Outcome outcome,
        Boolean deathAttributedToInfection,
        CovidTest covidTest,
        UUID sameInfectionOf) {

    /** A SNOMED CT coded organism. */
    public record Organism(@NotBlank @Pattern(regexp = "[0-9]{6,18}", message = "must be a SNOMED CT concept id") String code,
            @NotBlank @Size(max = 200) String display) {
    }

    public record ProphylaxisCourse(@NotNull ProphylaxisClass prophylaxisClass, @Size(max = 80) String agent, LocalDate started,
            LocalDate stopped) {
    }
}
