package org.cartcompanion.alert.triage;

import java.time.Instant;
import java.util.UUID;

/** The answer to a delivery; the same for a first delivery and every redelivery of an event. */
public record TriageEventReceipt(UUID eventId, UUID patientId, Instant receivedAt) {
}
