package org.cartcompanion.careteam.oncall.schedule;

import java.time.Instant;
import java.util.UUID;

/** A one-off shift, [start, end): while it lasts it overrides the rotation of its tier. */
public record ShiftPlan(UUID id, Tier tier, UUID clinicianId, Instant start, Instant end) {

    public ShiftPlan {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a shift must end after it starts");
        }
    }

    public boolean covers(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}
