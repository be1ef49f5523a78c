package org.cartcompanion.alert.escalation.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.cartcompanion.alert.alert.Status;
import org.cartcompanion.alert.alert.TimelineType;
import org.cartcompanion.alert.notification.Purpose;
import org.cartcompanion.alert.triage.Disposition;

/**
 * Decides each step of an alert's escalation from (policy snapshot, state, now), without I/O. The caller locks the alert, asks,
 * stores the returned state, sends the notices and writes the notes, all in one transaction.
 *
 * <p>
 * The chain of a center alert is the policy's levels. A community alert (a 24-hour disposition in a shared-care phase) first
 * pages the community physician with the center's primary on-call copied, waiting the first level's timeout, and then runs the
 * center's chain: somebody always answers.
 */
public final class EscalationEngine {

    /** The levels that run for an alert answered first by {@code responsible}. */
    public List<Level> chain(Policy policy, Responsible responsible) {
        if (responsible != Responsible.COMMUNITY) {
            return policy.levels();
        }
        List<Level> chain = new ArrayList<>();
        chain.add(new Level(List.of(Target.COMMUNITY_PHYSICIAN), List.of(Target.PRIMARY),
                policy.levels().get(0).ackTimeout()));
        chain.addAll(policy.levels());
        return chain;
    }

    /**
     * The alert is due (its timer ran out, it has just opened, or its disposition rose). {@code routed} is whom routing names
     * first for the alert's current disposition; it matters only when a chain (re)starts.
     */
    public Step due(Policy policy, EscalationState state, Responsible routed, Instant now) {
        if (!state.status().isOpen()) {
            return new Step(state, List.of(), List.of());
        }
        if (state.raisedFrom() != null) {
            return raised(policy, state, routed, now);
        }
        if (state.level() == 0 && state.status() != Status.ACKNOWLEDGED) {
            return start(policy, state, routed, now, List.of(), false);
        }
        if (state.dueAt() != null && now.isBefore(state.dueAt())) {
            return new Step(state, List.of(), List.of());
        }
        return switch (state.status()) {
        case TRIGGERED -> advance(policy, state, now);
        case EXHAUSTED -> new Step(with(state, Status.EXHAUSTED, state.level(), state.cycle(),
                now.plus(policy.exhaustedRepage()), false), List.of(fallback(state)),
                List.of(new Note(TimelineType.FALLBACK_PAGED, "Nobody has acknowledged; the fallback address is paged again")));
        case ACKNOWLEDGED -> state.ackReminded()
                ? start(policy, state, routed, now,
                        List.of(new Note(TimelineType.UNACKNOWLEDGED, "Acknowledged but not resolved after the reminder; "
                                + "back to TRIGGERED, the chain restarts at level 1")),
                        false)
                : new Step(with(state, Status.ACKNOWLEDGED, state.level(), state.cycle(),
                        now.plus(policy.resolveWithin()), true),
                        List.of(new Notice(Purpose.ACK_REMINDER, state.level(), List.of(), true)),
                        List.of(new Note(TimelineType.ACK_REMINDER, "Acknowledged " + readable(policy.resolveWithin())
                                + " ago and not resolved; the acknowledger is reminded")));
        case RESOLVED -> throw new IllegalStateException("unreachable");
        };
    }

    /** An acknowledgement: the chain stops; the alert must be resolved within the policy's window. */
    public Step acknowledge(Policy policy, EscalationState state, Instant now, String by) {
        if (state.status() == Status.ACKNOWLEDGED) {
            return new Step(state, List.of(), List.of());
        }
        if (!state.status().isOpen()) {
            throw new IllegalStateException("A resolved alert cannot be acknowledged");
        }
        EscalationState next = new EscalationState(Status.ACKNOWLEDGED, state.disposition(), state.responsible(),
                state.level(), state.cycle(), now.plus(policy.resolveWithin()), false, null);
        return new Step(next, List.of(), List.of(new Note(TimelineType.ACKNOWLEDGED, "Acknowledged by " + by)));
    }

    /** A resolution closes the episode: nothing is scheduled any more. */
    public Step resolve(EscalationState state, String by, String outcome) {
        if (!state.status().isOpen()) {
            throw new IllegalStateException("Already resolved");
        }
        EscalationState next = new EscalationState(Status.RESOLVED, state.disposition(), state.responsible(), state.level(),
                state.cycle(), null, state.ackReminded(), null);
        return new Step(next, List.of(), List.of(new Note(TimelineType.RESOLVED, "Resolved by " + by + ": " + outcome)));
    }

    /** A newer check-in for the same episode: a higher disposition is noted and re-notified at the next step. */
    public EscalationState append(EscalationState state, Disposition incoming) {
        if (!state.status().isOpen() || incoming.ordinal() >= state.disposition().ordinal()) {
            return state;
        }
        Disposition from = state.raisedFrom() != null ? state.raisedFrom() : state.disposition();
        return new EscalationState(state.status(), incoming, state.responsible(), state.level(), state.cycle(),
                state.dueAt(), state.ackReminded(), from);
    }

    private Step raised(Policy policy, EscalationState state, Responsible routed, Instant now) {
        Note note = new Note(TimelineType.DISPOSITION_RAISED,
                "Disposition rose from " + state.raisedFrom() + " to " + state.disposition());
        boolean acknowledged = state.status() == Status.ACKNOWLEDGED;
        boolean urgent = state.disposition().ordinal() <= Disposition.CENTER_NOW.ordinal();
        boolean chainChanges = state.level() == 0 || state.responsible() != effective(state.disposition(), routed);
        if (urgent || chainChanges) {
            return start(policy, state, routed, now, List.of(note), acknowledged);
        }
        // Same chain, same level: the people already paged (and an acknowledger) hear of it at once; the timer runs on.
        Level current = chain(policy, state.responsible()).get(state.level() - 1);
        List<Notice> notices = new ArrayList<>();
        if (state.status() != Status.ACKNOWLEDGED) {
            notices.add(new Notice(Purpose.RENOTIFY, state.level(), current.targets(), false));
        } else {
            notices.add(new Notice(Purpose.RENOTIFY, state.level(), List.of(), true));
        }
        EscalationState next = new EscalationState(state.status(), state.disposition(), state.responsible(), state.level(),
                state.cycle(), state.dueAt(), state.ackReminded(), null);
        return new Step(next, notices, List.of(note));
    }

    private Step start(Policy policy, EscalationState state, Responsible routed, Instant now, List<Note> before,
            boolean tellAcknowledger) {
        Responsible responsible = effective(state.disposition(), routed);
        Level first = chain(policy, responsible).get(0);
        List<Notice> notices = new ArrayList<>();
        notices.add(new Notice(state.raisedFrom() != null ? Purpose.RENOTIFY : Purpose.PAGE, 1, first.targets(), false));
        if (!first.copies().isEmpty()) {
            notices.add(new Notice(Purpose.COPY, 1, first.copies(), false));
        }
        if (tellAcknowledger) {
            notices.add(new Notice(Purpose.RENOTIFY, 1, List.of(), true));
        }
        List<Note> notes = new ArrayList<>(before);
        notes.add(new Note(TimelineType.LEVEL_PAGED, "Level 1 paged: " + describe(first)));
        EscalationState next = new EscalationState(Status.TRIGGERED, state.disposition(), responsible, 1, 0,
                now.plus(first.ackTimeout()), false, null);
        return new Step(next, notices, notes);
    }

    private Step advance(Policy policy, EscalationState state, Instant now) {
        List<Level> chain = chain(policy, state.responsible());
        int level = state.level() + 1;
        int cycle = state.cycle();
        List<Note> notes = new ArrayList<>();
        if (level > chain.size()) {
            if (cycle >= policy.repeat()) {
                EscalationState next = with(state, Status.EXHAUSTED, state.level(), cycle, now.plus(policy.exhaustedRepage()),
                        false);
                return new Step(next, List.of(fallback(state)),
                        List.of(new Note(TimelineType.EXHAUSTED, "Every level and repeat paged without an acknowledgement"),
                                new Note(TimelineType.FALLBACK_PAGED, "The fallback address is paged")));
            }
            level = 1;
            cycle++;
            notes.add(new Note(TimelineType.CHAIN_REPEATED, "No acknowledgement; the chain runs again (repeat " + cycle + " of "
                    + policy.repeat() + ")"));
        }
        Level paged = chain.get(level - 1);
        List<Notice> notices = new ArrayList<>();
        notices.add(new Notice(Purpose.PAGE, level, paged.targets(), false));
        if (!paged.copies().isEmpty()) {
            notices.add(new Notice(Purpose.COPY, level, paged.copies(), false));
        }
        notes.add(new Note(TimelineType.LEVEL_PAGED, "Level " + level + " paged: " + describe(paged)));
        return new Step(with(state, Status.TRIGGERED, level, cycle, now.plus(paged.ackTimeout()), false), notices, notes);
    }

    /** Emergencies and center dispositions always go to the center, whatever routing said before. */
    private static Responsible effective(Disposition disposition, Responsible routed) {
        return disposition == Disposition.COMMUNITY_24H && routed == Responsible.COMMUNITY ? Responsible.COMMUNITY
                : Responsible.CENTER;
    }

    private static Notice fallback(EscalationState state) {
        return new Notice(Purpose.FALLBACK, state.level(), List.of(), false);
    }

    private static EscalationState with(EscalationState s, Status status, int level, int cycle,
            Instant dueAt, boolean ackReminded) {
        return new EscalationState(status, s.disposition(), s.responsible(), level, cycle, dueAt, ackReminded, null);
    }

    private static String describe(Level level) {
        String targets = String.join(", ", level.targets().stream().map(Target::code).toList());
        String copies = level.copies().isEmpty() ? ""
                : "; copied: " + String.join(", ", level.copies().stream().map(Target::code).toList());
        return targets + copies + " (acknowledge within " + readable(level.ackTimeout()) + ")";
    }

    private static String readable(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
