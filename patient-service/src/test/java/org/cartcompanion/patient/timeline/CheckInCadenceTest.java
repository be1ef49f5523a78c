package org.cartcompanion.patient.timeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CheckInCadenceTest {

    private static final Instant ENROLLED = Instant.parse("2026-11-02T15:00:00Z");

    @Test
    void theClinicalDefaultFollowsThePhases() {
        CheckInCadence cadence = new CheckInCadence(Map.of());
        assertThat(cadence.interval(Phase.P1_ACUTE), equalTo(Duration.ofHours(12)));
        assertThat(cadence.interval(Phase.P2_EARLY), equalTo(Duration.ofHours(24)));
        assertThat(cadence.interval(Phase.P3_INTERMEDIATE), equalTo(Duration.ofDays(2)));
        assertThat(cadence.interval(Phase.P4_LATE), equalTo(Duration.ofDays(7)));
        assertThat(cadence.interval(Phase.P5_LONG_TERM), equalTo(Duration.ofDays(30)));
    }

    @Test
    void aCentersOwnIntervalReplacesOnlyThePhaseItNames() {
        CheckInCadence cadence = new CheckInCadence(Map.of(Phase.P4_LATE, Duration.ofDays(3)));
        assertThat(cadence.interval(Phase.P4_LATE), equalTo(Duration.ofDays(3)));
        assertThat(cadence.interval(Phase.P3_INTERMEDIATE), equalTo(Duration.ofDays(2)));
        assertThat(cadence.nextDue(Phase.P4_LATE, null, ENROLLED), equalTo(ENROLLED.plus(Duration.ofDays(3))));
    }

    @Test
    void theNextCheckInIsDueOneIntervalAfterTheLastOrAfterEnrollment() {
        CheckInCadence cadence = new CheckInCadence(Map.of());
        Instant last = ENROLLED.plus(Duration.ofHours(30));
        assertThat(cadence.nextDue(Phase.P1_ACUTE, last, ENROLLED), equalTo(last.plus(Duration.ofHours(12))));
        assertThat(cadence.nextDue(Phase.P1_ACUTE, null, ENROLLED), equalTo(ENROLLED.plus(Duration.ofHours(12))));
        // A check-in recorded before enrollment (imported history) does not count.
        assertThat(cadence.nextDue(Phase.P1_ACUTE, ENROLLED.minusSeconds(60), ENROLLED),
                equalTo(ENROLLED.plus(Duration.ofHours(12))));
    }

    @Test
    void anIntervalThatIsNotPositiveIsRefusedAtStart() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new CheckInCadence(Map.of(Phase.P2_EARLY, Duration.ZERO)));
        assertThat(zero.getMessage(), containsString("P2_EARLY"));
        assertThrows(IllegalArgumentException.class, () -> new CheckInCadence(Map.of(Phase.P1_ACUTE, Duration.ofHours(-1))));
    }
}
