package org.cartcompanion.alert.escalation.engine;

import static org.cartcompanion.alert.triage.Disposition.CENTER_NOW;
import static org.cartcompanion.alert.triage.Disposition.CENTER_SAME_DAY;
import static org.cartcompanion.alert.triage.Disposition.COMMUNITY_24H;
import static org.cartcompanion.alert.triage.Disposition.EMERGENCY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.cartcompanion.alert.alert.Status;
import org.cartcompanion.alert.alert.TimelineType;
import org.cartcompanion.alert.notification.Purpose;
import org.junit.jupiter.api.Test;

/** The escalation engine from (policy, state, now), without a database or a clock. */
class EscalationEngineTest {

    private static final Instant T0 = Instant.parse("2026-11-21T08:10:00Z");
    private final EscalationEngine engine = new EscalationEngine();
    private final Policy policy = Policy.defaults();

    @Test
    void aNewAlertPagesLevelOneAndWaitsItsTimeout() {
        Step step = engine.due(policy, EscalationState.opened(CENTER_NOW), Responsible.CENTER, T0);
        assertEquals(List.of(new Notice(Purpose.PAGE, 1, List.of(Target.PRIMARY), false)), step.notices());
        assertEquals(1, step.next().level());
        assertEquals(T0.plus(Duration.ofMinutes(5)), step.next().dueAt());
        assertEquals(Responsible.CENTER, step.next().responsible());
        assertEquals(T0.plus(Duration.ofMinutes(5)), step.next().nextStepAt(T0));
    }

    @Test
    void nothingHappensBeforeTheTimeout() {
        EscalationState paged = engine.due(policy, EscalationState.opened(CENTER_NOW), Responsible.CENTER, T0).next();
        Step early = engine.due(policy, paged, Responsible.CENTER, T0.plus(Duration.ofMinutes(5)).minusMillis(1));
        assertTrue(early.changesNothing(paged));
    }

    @Test
    void theChainRunsLevelsThenRepeatsThenIsExhaustedAndKeepsPagingTheFallback() {
        EscalationState s = EscalationState.opened(CENTER_NOW);
        Instant now = T0;
        List<Integer> levels = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Step step = engine.due(policy, s, Responsible.CENTER, now);
            assertEquals(Purpose.PAGE, step.notices().get(0).purpose());
            levels.add(step.notices().get(0).level());
            s = step.next();
            now = s.dueAt();
        }
        assertEquals(List.of(1, 2, 1, 2), levels);
        assertEquals(1, s.cycle());
        Step exhausted = engine.due(policy, s, Responsible.CENTER, now);
        assertEquals(Status.EXHAUSTED, exhausted.next().status());
        assertEquals(Purpose.FALLBACK, exhausted.notices().get(0).purpose());
        assertEquals(now.plus(Policy.DEFAULT_EXHAUSTED_REPAGE), exhausted.next().dueAt());
        Step again = engine.due(policy, exhausted.next(), Responsible.CENTER, exhausted.next().dueAt());
        assertEquals(Purpose.FALLBACK, again.notices().get(0).purpose());
        assertEquals(Status.EXHAUSTED, again.next().status());
    }

    @Test
    void repeatZeroExhaustsAfterOnePass() {
        Policy once = new Policy(List.of(new Level(List.of(Target.PRIMARY), Duration.ofSeconds(10))), 0, "hotline@x.org",
                Policy.DEFAULT_RESOLVE_WITHIN, Policy.DEFAULT_EXHAUSTED_REPAGE);
        EscalationState s = engine.due(once, EscalationState.opened(EMERGENCY), Responsible.CENTER, T0).next();
        assertEquals(Status.EXHAUSTED, engine.due(once, s, Responsible.CENTER, s.dueAt()).next().status());
    }

    @Test
    void anAcknowledgementStopsTheChainAndStartsTheResolveWindow() {
        EscalationState paged = engine.due(policy, EscalationState.opened(CENTER_NOW), Responsible.CENTER, T0).next();
        Step ack = engine.acknowledge(policy, paged, T0.plusSeconds(30), "Dr A");
        assertEquals(Status.ACKNOWLEDGED, ack.next().status());
        assertEquals(T0.plusSeconds(30).plus(Policy.DEFAULT_RESOLVE_WITHIN), ack.next().dueAt());
        assertTrue(ack.notices().isEmpty());
        // At the old level timeout nothing is paged: the acknowledgement moved the timer.
        assertTrue(engine.due(policy, ack.next(), Responsible.CENTER, T0.plus(Duration.ofMinutes(5))).notices().isEmpty());
        // Acknowledging twice changes nothing.
        assertTrue(engine.acknowledge(policy, ack.next(), T0.plusSeconds(60), "Dr B").changesNothing(ack.next()));
    }

    @Test
    void anAcknowledgementBeforeTheFirstPageStopsTheChainBeforeItStarts() {
        // A clinician sees the alert in the console and acknowledges it before the poller took its first step.
        Step ack = engine.acknowledge(policy, EscalationState.opened(CENTER_NOW), T0, "Dr A");
        EscalationState acked = ack.next();
        assertEquals(Status.ACKNOWLEDGED, acked.status());
        assertEquals(T0.plus(Policy.DEFAULT_RESOLVE_WITHIN), acked.nextStepAt(T0));
        for (Instant at : List.of(T0, T0.plusSeconds(1), T0.plus(Duration.ofMinutes(5)))) {
            Step step = engine.due(policy, acked, Responsible.CENTER, at);
            assertTrue(step.changesNothing(acked), "nothing is paged at " + at);
        }
        // The resolve window still runs: the acknowledger is reminded, then the chain starts at level 1.
        Step reminder = engine.due(policy, acked, Responsible.CENTER, acked.dueAt());
        assertEquals(Purpose.ACK_REMINDER, reminder.notices().get(0).purpose());
        Step retrigger = engine.due(policy, reminder.next(), Responsible.CENTER, reminder.next().dueAt());
        assertEquals(Status.TRIGGERED, retrigger.next().status());
        assertEquals(List.of(new Notice(Purpose.PAGE, 1, List.of(Target.PRIMARY), false)), retrigger.notices());
        // A worse check-in in the meantime restarts the chain at once, the acknowledger told.
        EscalationState worse = engine.append(acked, EMERGENCY);
        assertEquals(T0.plusSeconds(1), worse.nextStepAt(T0.plusSeconds(1)));
        Step restarted = engine.due(policy, worse, Responsible.CENTER, T0.plusSeconds(1));
        assertEquals(Status.TRIGGERED, restarted.next().status());
        assertEquals(List.of(new Notice(Purpose.RENOTIFY, 1, List.of(Target.PRIMARY), false),
                new Notice(Purpose.RENOTIFY, 1, List.of(), true)), restarted.notices());
    }

    @Test
    void acknowledgedButUnresolvedRemindsOnceThenGoesBackToTriggered() {
        EscalationState paged = engine.due(policy, EscalationState.opened(CENTER_NOW), Responsible.CENTER, T0).next();
        EscalationState acked = engine.acknowledge(policy, paged, T0, "Dr A").next();
        Step reminder = engine.due(policy, acked, Responsible.CENTER, acked.dueAt());
        assertEquals(List.of(new Notice(Purpose.ACK_REMINDER, 1, List.of(), true)), reminder.notices());
        assertTrue(reminder.next().ackReminded());
        Step retrigger = engine.due(policy, reminder.next(), Responsible.CENTER, reminder.next().dueAt());
        assertEquals(Status.TRIGGERED, retrigger.next().status());
        assertEquals(1, retrigger.next().level());
        assertEquals(Purpose.PAGE, retrigger.notices().get(0).purpose());
        assertEquals(TimelineType.UNACKNOWLEDGED, retrigger.notes().get(0).type());
    }

    @Test
    void aResolvedAlertSchedulesNothingAndCannotBeAcknowledged() {
        EscalationState paged = engine.due(policy, EscalationState.opened(CENTER_NOW), Responsible.CENTER, T0).next();
        EscalationState resolved = engine.resolve(paged, "Dr A", "FALSE_ALARM").next();
        assertEquals(Status.RESOLVED, resolved.status());
        assertNull(resolved.nextStepAt(T0));
        assertTrue(engine.due(policy, resolved, Responsible.CENTER, T0.plusSeconds(9999)).notices().isEmpty());
        assertThrows(IllegalStateException.class, () -> engine.acknowledge(policy, resolved, T0, "Dr B"));
        assertThrows(IllegalStateException.class, () -> engine.resolve(resolved, "Dr B", "FALSE_ALARM"));
    }

    @Test
    void anEqualOrLowerCheckInOnlyAppends() {
        EscalationState paged = engine.due(policy, EscalationState.opened(CENTER_NOW), Responsible.CENTER, T0).next();
        assertEquals(paged, engine.append(paged, CENTER_NOW));
        assertEquals(paged, engine.append(paged, COMMUNITY_24H));
    }

    @Test
    void aRiseToCenterNowOrEmergencyRestartsAtLevelOneAndTellsTheAcknowledger() {
        EscalationState paged = engine.due(policy, EscalationState.opened(CENTER_SAME_DAY), Responsible.CENTER, T0).next();
        EscalationState second = engine.due(policy, paged, Responsible.CENTER, paged.dueAt()).next();
        EscalationState acked = engine.acknowledge(policy, second, second.dueAt().minusSeconds(1), "Dr B").next();
        EscalationState raised = engine.append(acked, EMERGENCY);
        assertEquals(CENTER_SAME_DAY, raised.raisedFrom());
        assertEquals(T0.plusSeconds(600), raised.nextStepAt(T0.plusSeconds(600)));
        Step step = engine.due(policy, raised, Responsible.CENTER, T0.plusSeconds(600));
        assertEquals(Status.TRIGGERED, step.next().status());
        assertEquals(1, step.next().level());
        assertEquals(0, step.next().cycle());
        assertNull(step.next().raisedFrom());
        assertEquals(List.of(new Notice(Purpose.RENOTIFY, 1, List.of(Target.PRIMARY), false),
                new Notice(Purpose.RENOTIFY, 1, List.of(), true)), step.notices());
        assertEquals(TimelineType.DISPOSITION_RAISED, step.notes().get(0).type());
    }

    @Test
    void aSmallerRiseOnTheSameChainRenotifiesTheCurrentLevelAndKeepsItsTimer() {
        EscalationState paged = engine.due(policy, EscalationState.opened(COMMUNITY_24H), Responsible.CENTER, T0).next();
        EscalationState second = engine.due(policy, paged, Responsible.CENTER, paged.dueAt()).next();
        Instant now = second.dueAt().minusSeconds(60);
        Step step = engine.due(policy, engine.append(second, CENTER_SAME_DAY), Responsible.CENTER, now);
        assertEquals(List.of(new Notice(Purpose.RENOTIFY, 2, List.of(Target.BACKUP), false)), step.notices());
        assertEquals(second.dueAt(), step.next().dueAt());
        assertEquals(2, step.next().level());
        assertEquals(CENTER_SAME_DAY, step.next().disposition());
    }

    @Test
    void aCommunityAlertPagesTheCommunityPhysicianCopiesThePrimaryThenRunsTheCenterChain() {
        Step first = engine.due(policy, EscalationState.opened(COMMUNITY_24H), Responsible.COMMUNITY, T0);
        assertEquals(List.of(new Notice(Purpose.PAGE, 1, List.of(Target.COMMUNITY_PHYSICIAN), false),
                new Notice(Purpose.COPY, 1, List.of(Target.PRIMARY), false)), first.notices());
        assertEquals(Responsible.COMMUNITY, first.next().responsible());
        Step second = engine.due(policy, first.next(), Responsible.COMMUNITY, first.next().dueAt());
        assertEquals(List.of(new Notice(Purpose.PAGE, 2, List.of(Target.PRIMARY), false)), second.notices());
        Step third = engine.due(policy, second.next(), Responsible.COMMUNITY, second.next().dueAt());
        assertEquals(List.of(new Notice(Purpose.PAGE, 3, List.of(Target.BACKUP), false)), third.notices());
    }

    @Test
    void emergenciesAndCenterDispositionsGoToTheCenterWhateverRoutingSays() {
        for (var disposition : List.of(EMERGENCY, CENTER_NOW, CENTER_SAME_DAY)) {
            Step step = engine.due(policy, EscalationState.opened(disposition), Responsible.COMMUNITY, T0);
            assertEquals(Responsible.CENTER, step.next().responsible());
            assertEquals(List.of(Target.PRIMARY), step.notices().get(0).targets());
        }
    }

    @Test
    void aRiseAboveTwentyFourHoursMovesACommunityAlertToTheCenterChain() {
        EscalationState community = engine.due(policy, EscalationState.opened(COMMUNITY_24H), Responsible.COMMUNITY, T0)
                .next();
        Step step = engine.due(policy, engine.append(community, CENTER_SAME_DAY), Responsible.CENTER, T0.plusSeconds(5));
        assertEquals(Responsible.CENTER, step.next().responsible());
        assertEquals(List.of(Target.PRIMARY), step.notices().get(0).targets());
        assertEquals(1, step.next().level());
    }

    @Test
    void targetsParseAndPrintTheirCodes() {
        UUID id = UUID.randomUUID();
        for (String code : List.of("ON_CALL:PRIMARY", "ON_CALL:BACKUP", "CARE_TEAM", "COMMUNITY_PHYSICIAN",
                "CLINICIAN:" + id)) {
            assertEquals(code, Target.parse(code).code());
        }
        for (String bad : List.of("ON_CALL:TERTIARY", "CLINICIAN:nobody", "", "everyone")) {
            assertThrows(IllegalArgumentException.class, () -> Target.parse(bad));
        }
        assertFalse(Purpose.ACK_REMINDER.wantsAcknowledgement());
    }
}
