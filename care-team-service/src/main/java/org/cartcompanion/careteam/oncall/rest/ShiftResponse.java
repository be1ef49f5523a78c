package org.cartcompanion.careteam.oncall.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.cartcompanion.careteam.oncall.schedule.Tier;

/** A one-off shift; on save, with the coverage gaps of the next 14 days as for a rotation. */
public record ShiftResponse(UUID id, UUID centerId, UUID clinicianId, Tier tier, Instant start, Instant end,
        Instant createdAt, List<GapResponse> coverageGaps, List<String> warnings) {
}
