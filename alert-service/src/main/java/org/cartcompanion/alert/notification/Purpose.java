package org.cartcompanion.alert.notification;

/** Why a notification is sent; stored by name. */
public enum Purpose {
    /** A level of the chain asks its targets to acknowledge. */
    PAGE,
    /** Told, not asked: the center's primary on-call when a community physician is paged. */
    COPY,
    /** The check-in got worse: the people already paged hear it at once. */
    RENOTIFY,
    /** Acknowledged but not resolved within the window: the acknowledger is reminded. */
    ACK_REMINDER,
    /** Nobody answered the chain: the center's fallback (hotline) address. */
    FALLBACK;

    /** Asks for an acknowledgement, so it is pointless (and must not be sent) once the alert is acknowledged. */
    public boolean wantsAcknowledgement() {
        return this == PAGE || this == RENOTIFY || this == FALLBACK;
    }
}
