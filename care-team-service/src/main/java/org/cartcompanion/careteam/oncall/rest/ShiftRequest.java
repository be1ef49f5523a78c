package org.cartcompanion.careteam.oncall.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.cartcompanion.careteam.oncall.schedule.Tier;

/** {@code POST /api/v1/centers/{id}/shifts}: a one-off shift, [start, end). */
public record ShiftRequest(@NotNull UUID clinicianId, @NotNull Tier tier, @NotNull OffsetDateTime start,
        @NotNull OffsetDateTime end) {
}
