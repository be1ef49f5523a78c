package org.cartcompanion.alert.escalation.engine;

/** A line for the alert's timeline: a stored type code and a human-readable detail. */
public record Note(String type, String detail) {
}
