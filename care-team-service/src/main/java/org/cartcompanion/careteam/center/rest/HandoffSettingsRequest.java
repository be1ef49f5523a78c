package org.cartcompanion.careteam.center.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code PUT /api/v1/centers/{id}/handoff-settings}: the days after infusion at which hand-offs are proposed. */
public record HandoffSettingsRequest(@NotNull @Min(1) @Max(365) Integer sharedCareDay,
        @NotNull @Min(1) @Max(730) Integer communityLedDay) {
}
