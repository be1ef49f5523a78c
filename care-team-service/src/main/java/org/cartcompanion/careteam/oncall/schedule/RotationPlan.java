package org.cartcompanion.careteam.oncall.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * A rotation: from {@code startDate} at {@code handoffTime} local time, the turn passes to the next member every
 * {@code lengthDays}, always at {@code handoffTime} on the wall clock, so a daylight-saving change moves the hand-off by
 * neither an hour earlier nor later. It covers its tier until {@code endDate} at the hand-off time (exclusive), or for ever.
 */
public record RotationPlan(UUID id, Tier tier, LocalDate startDate, LocalTime handoffTime, int lengthDays,
        LocalDate endDate, List<UUID> members) {

    public RotationPlan {
        if (members.isEmpty() || lengthDays < 1) {
            throw new IllegalArgumentException("a rotation needs members and a length of at least one day");
        }
        members = List.copyOf(members);
    }

    /**
     * The instant turn {@code k} begins. A hand-off time that does not exist that day (the spring-forward gap) moves later by
     * the gap's length; one that happens twice (the autumn overlap) is the first of the two.
     */
    public Instant turnStart(long k, ZoneId zone) {
        return ZonedDateTime.of(startDate.plusDays(k * lengthDays), handoffTime, zone).toInstant();
    }

    public Instant start(ZoneId zone) {
        return turnStart(0, zone);
    }

    /** When the rotation stops covering its tier, or null if it does not end. */
    public Instant end(ZoneId zone) {
        return endDate == null ? null : ZonedDateTime.of(endDate, handoffTime, zone).toInstant();
    }

    public boolean covers(Instant at, ZoneId zone) {
        Instant end = end(zone);
        return !at.isBefore(start(zone)) && (end == null || at.isBefore(end));
    }

    /** The turn running at {@code at}; only meaningful where {@link #covers} holds. */
    public long turnAt(Instant at, ZoneId zone) {
        long days = ChronoUnit.DAYS.between(startDate, at.atZone(zone).toLocalDate());
        long k = Math.max(0, Math.floorDiv(days, lengthDays));
        // The local date puts us within one turn of the answer; the hand-off instant decides which side.
        while (k > 0 && at.isBefore(turnStart(k, zone))) {
            k--;
        }
        while (!at.isBefore(turnStart(k + 1, zone))) {
            k++;
        }
        return k;
    }

    public UUID memberOfTurn(long k) {
        return members.get((int) (k % members.size()));
    }
}
