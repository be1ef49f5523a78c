package org.cartcompanion.careteam.oncall.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.cartcompanion.careteam.oncall.Rotation;
import org.cartcompanion.careteam.oncall.schedule.Tier;

/**
 * A rotation. On save, {@code coverageGaps} lists where a tier will have nobody on call in the next 14 days and
 * {@code warnings} says so in words; both are empty when coverage is complete.
 */
public record RotationResponse(UUID id, UUID centerId, Tier tier, List<UUID> clinicianIds, LocalDate startDate,
        String handoffTime, int lengthDays, LocalDate endDate, Instant createdAt, List<GapResponse> coverageGaps,
        List<String> warnings) {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public static RotationResponse of(Rotation r, List<UUID> clinicianIds, List<GapResponse> coverageGaps,
            List<String> warnings) {
        return new RotationResponse(r.id, r.centerId, r.tier, clinicianIds, r.startDate, HH_MM.format(r.handoffTime),
                r.lengthDays, r.endDate, r.createdAt, coverageGaps, warnings);
    }
}
