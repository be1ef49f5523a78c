package org.cartcompanion.alert.alert;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;

import org.cartcompanion.alert.escalation.engine.EscalationState;
import org.cartcompanion.alert.triage.Disposition;
import org.junit.jupiter.api.Test;

/** An alert's ledger of failed steps, which lateness, the escalation backlog and the fallback's clock read. */
class AlertLedgerTest {

    private static final Instant DUE = Instant.parse("2026-12-04T02:00:00Z");

    @Test
    void aRunOfFailuresCountsFromWhenTheStepFellDueNotFromALateFirstAttempt() {
        Alert alert = new Alert();
        alert.nextStepAt = DUE;
        alert.stepFailed(DUE.plusSeconds(25), "routing down", Duration.ofSeconds(1));
        assertThat(alert.stepFailingSince, equalTo(DUE));
        alert.stepFailed(DUE.plusSeconds(26), "routing down", Duration.ofSeconds(2));
        assertThat("a retry does not move it", alert.stepFailingSince, equalTo(DUE));
        assertThat(alert.stepDue(DUE.plusSeconds(30)), equalTo(DUE));
        assertThat("failing 30 s of a 30 s allowance calls for the fallback",
                alert.failingTooLong(DUE.plusSeconds(30), 10, Duration.ofSeconds(30)), equalTo(true));
    }

    @Test
    void aStepAttemptedBeforeItsTimeCountsFromTheAttempt() {
        Alert alert = new Alert();
        alert.nextStepAt = DUE.plusSeconds(60);
        alert.stepFailed(DUE, "routing down", Duration.ofSeconds(1));
        assertThat(alert.stepFailingSince, equalTo(DUE));
    }

    @Test
    void aWorseCheckInKeepsTheRunSoTheFallbacksClockKeepsRunning() {
        Alert alert = new Alert();
        alert.nextStepAt = DUE;
        alert.stepFailed(DUE, "routing down", Duration.ofSeconds(1));
        alert.apply(EscalationState.opened(Disposition.EMERGENCY), DUE.plusSeconds(20));
        assertThat(alert.stepFailingSince, equalTo(DUE));
        assertThat(alert.failingTooLong(DUE.plusSeconds(60), 10, Duration.ofSeconds(60)), equalTo(true));
    }

    @Test
    void anAnswerEndsTheRun() {
        Alert alert = new Alert();
        alert.nextStepAt = DUE;
        alert.stepFailed(DUE, "routing down", Duration.ofSeconds(1));
        alert.failureFallbackAt = DUE.plusSeconds(60);
        alert.answered();
        assertThat(alert.stepFailingSince, nullValue());
        assertThat(alert.stepAttempts, equalTo(0));
        assertThat(alert.stepError, nullValue());
        assertThat(alert.failureFallbackAt, nullValue());
    }
}
