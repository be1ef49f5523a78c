package org.cartcompanion.careteam.handoff.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.cartcompanion.careteam.team.CarePhase;

/**
 * {@code POST /api/v1/handoffs}. Besides the note ({@code summary}), the sender may give the plan the receiver takes on;
 * {@code centerSymptoms} defaults to the symptoms that still go straight to the center.
 */
public record HandoffRequest(@NotNull UUID patientId, @NotNull UUID toClinicianId, @NotNull CarePhase toPhase,
        @NotBlank @Size(max = 4000) String summary, @Size(max = 20) List<@Valid @NotNull Prophylaxis> prophylaxis,
        @Size(max = 1000) String iggPlan, @Size(max = 30) List<@Valid @NotNull Vaccination> vaccinations,
        @Size(max = 60) List<@NotBlank String> centerSymptoms) {

    public record Prophylaxis(@NotBlank @Size(max = 100) String agent, @Size(max = 100) String covers, LocalDate until) {
    }

    public record Vaccination(@NotBlank @Size(max = 100) String vaccine, @NotNull LocalDate due) {
    }
}
