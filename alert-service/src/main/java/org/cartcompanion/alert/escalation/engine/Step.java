package org.cartcompanion.alert.escalation.engine;

import java.util.List;

/** The engine's answer: the state to store, the notifications to send and what to write on the timeline. */
public record Step(EscalationState next, List<Notice> notices, List<Note> notes) {

    public Step {
        notices = List.copyOf(notices);
        notes = List.copyOf(notes);
    }

    public boolean changesNothing(EscalationState before) {
        return next.equals(before) && notices.isEmpty() && notes.isEmpty();
    }
}
