package org.cartcompanion.alert.escalation.engine;

import org.cartcompanion.alert.alert.TimelineType;

/** A line for the alert's timeline: a stored type code and a human-readable detail. */
public record Note(TimelineType type, String detail) {
}
