package org.cartcompanion.careteam.oncall.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.cartcompanion.careteam.oncall.schedule.Tier;

/** {@code POST /api/v1/centers/{id}/rotations}; {@code endDate} (exclusive, optional) ends the rotation. */
public record RotationRequest(@NotNull Tier tier,
        @NotEmpty(message = "a rotation needs at least one clinician") @Size(max = 100) List<@NotNull UUID> clinicianIds,
        @NotNull LocalDate startDate,
        @NotNull @Pattern(regexp = "^([01][0-9]|2[0-3]):[0-5][0-9]$", message = "must be a local time HH:mm, e.g. 08:00") String handoffTime,
        @NotNull @Min(1) @Max(365) Integer lengthDays, LocalDate endDate) {
}
