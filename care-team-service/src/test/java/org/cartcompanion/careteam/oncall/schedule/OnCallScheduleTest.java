package org.cartcompanion.careteam.oncall.schedule;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who is on call, across daylight-saving changes, overrides and gaps. Plain JUnit: the schedule has no framework. */
class OnCallScheduleTest {

    private static final UUID ANA = UUID.randomUUID();
    private static final UUID BEN = UUID.randomUUID();
    private static final UUID CARA = UUID.randomUUID();
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static RotationPlan daily(Tier tier, LocalDate start, String handoff, UUID... members) {
        return new RotationPlan(UUID.randomUUID(), tier, start, LocalTime.parse(handoff), 1, null, List.of(members));
    }

    private static Instant local(ZoneId zone, String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    private static UUID primaryAt(OnCallSchedule schedule, Instant at) {
        List<UUID> holders = schedule.at(at).get(Tier.PRIMARY);
        return holders.isEmpty() ? null : holders.get(0);
    }

    /**
     * A daily 08:00 hand-off changes hands at 08:00 on the wall clock on the day before, of and after each change: US (Chicago)
     * and EU (Berlin), spring and autumn. The day of the change is 23 or 25 hours long.
     */
    @ParameterizedTest(name = "{0}: change on {1}, that day lasts {2} h")
    @CsvSource({ "America/Chicago, 2026-03-08, 23", "America/Chicago, 2026-11-01, 25",
            "Europe/Berlin, 2026-03-29, 23", "Europe/Berlin, 2026-10-25, 25" })
    void dailyHandoffStaysAtEightLocalAcrossDaylightSaving(String zoneId, LocalDate change, int hours) {
        ZoneId zone = ZoneId.of(zoneId);
        LocalDate start = change.minusDays(10);
        OnCallSchedule schedule = new OnCallSchedule(zone, List.of(daily(Tier.PRIMARY, start, "08:00", ANA, BEN)),
                List.of());
        for (LocalDate day = change.minusDays(1); !day.isAfter(change.plusDays(1)); day = day.plusDays(1)) {
            UUID today = (start.until(day).getDays() % 2 == 0) ? ANA : BEN;
            UUID yesterday = today == ANA ? BEN : ANA;
            assertThat(day + " 07:59", primaryAt(schedule, local(zone, day + "T07:59:59")), equalTo(yesterday));
            assertThat(day + " 08:00", primaryAt(schedule, local(zone, day + "T08:00:00")), equalTo(today));
        }
        Instant before = local(zone, change + "T08:00");
        Instant after = local(zone, change.minusDays(1) + "T08:00");
        List<Assignment> turns = schedule.assignments(Tier.PRIMARY, after, before.plus(Duration.ofDays(1)));
        assertThat(turns, hasSize(2));
        assertThat(Duration.between(after, before).toHours(), equalTo((long) hours));
        assertThat(turns.get(0).start(), equalTo(after));
        assertThat(turns.get(0).end(), equalTo(before));
        assertThat(turns.get(0).start().atZone(zone).toLocalTime(), equalTo(LocalTime.of(8, 0)));
        assertThat(turns.get(1).start().atZone(zone).toLocalTime(), equalTo(LocalTime.of(8, 0)));
    }

    @Test
    void weeklyRotationAcrossTheChangeHandsOverAtTheSameLocalTime() {
        RotationPlan weekly = new RotationPlan(UUID.randomUUID(), Tier.PRIMARY, LocalDate.parse("2026-10-19"),
                LocalTime.of(8, 0), 7, null, List.of(ANA, BEN, CARA));
        OnCallSchedule schedule = new OnCallSchedule(BERLIN, List.of(weekly), List.of());
        // The week of 19 October contains the EU change (25 October): it lasts 7 days and an hour.
        assertThat(primaryAt(schedule, local(BERLIN, "2026-10-26T07:59")), equalTo(ANA));
        assertThat(primaryAt(schedule, local(BERLIN, "2026-10-26T08:00")), equalTo(BEN));
        assertThat(primaryAt(schedule, local(BERLIN, "2026-11-09T08:00")), equalTo(ANA));
        assertThat(primaryAt(schedule, local(BERLIN, "2026-11-02T12:00")), equalTo(CARA));
    }

    @Test
    void aHandoffTimeInTheSpringGapHappensWhenTheClockResumes() {
        // 02:30 does not exist in Chicago on 8 March 2026: the hand-off happens at 03:30 CDT, an hour of wall time later.
        OnCallSchedule schedule = new OnCallSchedule(CHICAGO,
                List.of(daily(Tier.PRIMARY, LocalDate.parse("2026-03-07"), "02:30", ANA, BEN)), List.of());
        assertThat(primaryAt(schedule, local(CHICAGO, "2026-03-08T03:29")), equalTo(ANA));
        assertThat(primaryAt(schedule, local(CHICAGO, "2026-03-08T03:30")), equalTo(BEN));
        assertThat(primaryAt(schedule, local(CHICAGO, "2026-03-09T02:29")), equalTo(BEN));
        assertThat(primaryAt(schedule, local(CHICAGO, "2026-03-09T02:30")), equalTo(ANA));
    }

    @Test
    void aHandoffTimeInTheAutumnOverlapHappensTheFirstTime() {
        // 01:30 happens twice in Chicago on 1 November 2026 (CDT, then CST): the turn changes at the first.
        OnCallSchedule schedule = new OnCallSchedule(CHICAGO,
                List.of(daily(Tier.PRIMARY, LocalDate.parse("2026-10-31"), "01:30", ANA, BEN)), List.of());
        Instant firstHalfPast = LocalDateTime.parse("2026-11-01T01:30").atOffset(ZoneOffset.ofHours(-5)).toInstant();
        assertThat(primaryAt(schedule, firstHalfPast.minusSeconds(1)), equalTo(ANA));
        assertThat(primaryAt(schedule, firstHalfPast), equalTo(BEN));
        assertThat(primaryAt(schedule, firstHalfPast.plus(Duration.ofHours(1))), equalTo(BEN));
    }

    @Test
    void aShiftOverridesItsTierOnlyWhileItLasts() {
        RotationPlan primary = daily(Tier.PRIMARY, LocalDate.parse("2026-11-01"), "08:00", ANA);
        RotationPlan backup = daily(Tier.BACKUP, LocalDate.parse("2026-11-01"), "08:00", BEN);
        ShiftPlan cover = new ShiftPlan(UUID.randomUUID(), Tier.PRIMARY, CARA, local(CHICAGO, "2026-11-20T18:00"),
                local(CHICAGO, "2026-11-21T06:00"));
        OnCallSchedule schedule = new OnCallSchedule(CHICAGO, List.of(primary, backup), List.of(cover));

        assertThat(primaryAt(schedule, local(CHICAGO, "2026-11-20T17:59")), equalTo(ANA));
        assertThat(schedule.at(local(CHICAGO, "2026-11-20T18:00")).get(Tier.PRIMARY), contains(CARA));
        assertThat(schedule.at(local(CHICAGO, "2026-11-20T18:00")).get(Tier.BACKUP), contains(BEN));
        assertThat(primaryAt(schedule, local(CHICAGO, "2026-11-21T06:00")), equalTo(ANA));

        List<Assignment> night = schedule.assignments(Tier.PRIMARY, local(CHICAGO, "2026-11-20T12:00"),
                local(CHICAGO, "2026-11-21T12:00"));
        // Ana's turn, cut by Cara's shift, then the rest of Ana's turn, then Ana's next turn from 08:00.
        assertThat(night.stream().map(Assignment::clinicianId).toList(), contains(ANA, CARA, ANA, ANA));
        assertThat(night.get(3).turn(), equalTo(night.get(2).turn() + 1));
        assertThat(night.get(1).source(), equalTo(Assignment.Source.SHIFT));
    }

    @Test
    void aClinicianWhoLeftHoldsNothingTheirTurnsAreGapsAndTheirShiftsArePassedOver() {
        RotationPlan primary = daily(Tier.PRIMARY, LocalDate.parse("2026-11-01"), "08:00", ANA, BEN);
        ShiftPlan cover = new ShiftPlan(UUID.randomUUID(), Tier.PRIMARY, BEN, local(CHICAGO, "2026-11-02T18:00"),
                local(CHICAGO, "2026-11-02T20:00"));
        OnCallSchedule schedule = new OnCallSchedule(CHICAGO, List.of(primary), List.of(cover), id -> !id.equals(BEN));
        assertThat(primaryAt(schedule, local(CHICAGO, "2026-11-01T09:00")), equalTo(ANA));
        assertThat(schedule.at(local(CHICAGO, "2026-11-02T09:00")).get(Tier.PRIMARY), empty());
        assertThat(schedule.at(local(CHICAGO, "2026-11-02T19:00")).get(Tier.PRIMARY), empty());
        List<Gap> gaps = schedule.gaps(local(CHICAGO, "2026-11-01T08:00"), local(CHICAGO, "2026-11-05T08:00"));
        assertThat(gaps.stream().filter(g -> g.tier() == Tier.PRIMARY).map(Gap::start).toList(),
                contains(local(CHICAGO, "2026-11-02T08:00"), local(CHICAGO, "2026-11-04T08:00")));
    }

    @Test
    void aRotationPlannedFromALaterDateTakesOverFromThatDate() {
        RotationPlan old = daily(Tier.PRIMARY, LocalDate.parse("2026-11-01"), "08:00", ANA);
        RotationPlan next = daily(Tier.PRIMARY, LocalDate.parse("2026-12-01"), "08:00", BEN, CARA);
        OnCallSchedule schedule = new OnCallSchedule(CHICAGO, List.of(next, old), List.of());
        assertThat(primaryAt(schedule, local(CHICAGO, "2026-12-01T07:59")), equalTo(ANA));
        assertThat(primaryAt(schedule, local(CHICAGO, "2026-12-01T08:00")), equalTo(BEN));
        assertThat(primaryAt(schedule, local(CHICAGO, "2026-12-02T08:00")), equalTo(CARA));
    }

    @Test
    void ofTwoRotationsStartingTogetherTheOneSavedLaterHoldsTheTier() {
        RotationPlan first = daily(Tier.PRIMARY, LocalDate.parse("2026-12-01"), "08:00", ANA);
        RotationPlan correction = daily(Tier.PRIMARY, LocalDate.parse("2026-12-01"), "08:00", BEN);
        assertThat(primaryAt(new OnCallSchedule(CHICAGO, List.of(first, correction), List.of()),
                local(CHICAGO, "2026-12-05T12:00")), equalTo(BEN));
        assertThat(primaryAt(new OnCallSchedule(CHICAGO, List.of(correction, first), List.of()),
                local(CHICAGO, "2026-12-05T12:00")), equalTo(ANA));
    }

    @Test
    void gapsAreWhereATierHasNobodyAndShiftsFillThem() {
        // Primary starts on the 22nd at 08:00 and ends on the 30th at 08:00; a shift covers the night of the 25th.
        RotationPlan primary = new RotationPlan(UUID.randomUUID(), Tier.PRIMARY, LocalDate.parse("2026-11-22"),
                LocalTime.of(8, 0), 1, LocalDate.parse("2026-11-30"), List.of(ANA, BEN));
        ShiftPlan beforeStart = new ShiftPlan(UUID.randomUUID(), Tier.PRIMARY, CARA, local(CHICAGO, "2026-11-21T20:00"),
                local(CHICAGO, "2026-11-22T08:00"));
        OnCallSchedule schedule = new OnCallSchedule(CHICAGO, List.of(primary), List.of(beforeStart));
        Instant from = local(CHICAGO, "2026-11-21T00:00");
        Instant to = local(CHICAGO, "2026-12-05T00:00");

        List<Gap> gaps = schedule.gaps(from, to);
        assertThat(gaps, contains(new Gap(Tier.PRIMARY, from, local(CHICAGO, "2026-11-21T20:00")),
                new Gap(Tier.PRIMARY, local(CHICAGO, "2026-11-30T08:00"), to), new Gap(Tier.BACKUP, from, to)));
        assertThat(schedule.isScheduled(Tier.PRIMARY, from), equalTo(true));
        assertThat(schedule.isScheduled(Tier.BACKUP, from), equalTo(false));
        assertThat(schedule.isScheduled(Tier.PRIMARY, local(CHICAGO, "2026-11-30T08:00")), equalTo(false));
    }

    @Test
    void fullCoverageHasNoGaps() {
        OnCallSchedule schedule = new OnCallSchedule(BERLIN,
                List.of(daily(Tier.PRIMARY, LocalDate.parse("2026-10-01"), "08:00", ANA, BEN),
                        daily(Tier.BACKUP, LocalDate.parse("2026-10-01"), "08:00", CARA)),
                List.of());
        assertThat(schedule.gaps(local(BERLIN, "2026-10-20T00:00"), local(BERLIN, "2026-11-03T00:00")), empty());
    }

    @Test
    void aClinicianSeesTheirOwnTurnsAndShifts() {
        RotationPlan primary = daily(Tier.PRIMARY, LocalDate.parse("2026-11-01"), "08:00", ANA, BEN);
        ShiftPlan extra = new ShiftPlan(UUID.randomUUID(), Tier.BACKUP, ANA, local(CHICAGO, "2026-11-03T20:00"),
                local(CHICAGO, "2026-11-03T23:00"));
        OnCallSchedule schedule = new OnCallSchedule(CHICAGO, List.of(primary), List.of(extra));
        List<Assignment> mine = schedule.assignmentsOf(ANA, local(CHICAGO, "2026-11-01T00:00"),
                local(CHICAGO, "2026-11-05T00:00"));
        assertThat(mine.stream().map(a -> a.start().atZone(CHICAGO).toLocalDateTime().toString()).toList(),
                contains("2026-11-01T08:00", "2026-11-03T08:00", "2026-11-03T20:00"));
        assertThat(mine.get(2).tier(), equalTo(Tier.BACKUP));
        assertThat(Duration.between(mine.get(0).start(), mine.get(0).end()).toHours(), equalTo(24L));
    }
}
