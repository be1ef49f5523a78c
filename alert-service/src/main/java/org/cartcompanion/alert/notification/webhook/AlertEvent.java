package org.cartcompanion.alert.notification.webhook;

/** The moments of an alert's life a center's webhooks can hear of. */
public enum AlertEvent {
    ALERT_OPENED("opened"), ALERT_ESCALATED("escalated"), ALERT_ACKNOWLEDGED("acknowledged"), ALERT_RESOLVED("resolved"),
    ALERT_EXHAUSTED("nobody answered");

    private final String words;

    AlertEvent(String words) {
        this.words = words;
    }

    /** How a chat message says it. */
    public String words() {
        return words;
    }
}
