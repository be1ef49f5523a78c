package org.cartcompanion.careteam.oncall.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.cartcompanion.careteam.clinician.Recipient;

/** {@code GET /api/v1/centers/{id}/on-call?at=}: who holds each tier at {@code at}; an empty list is a gap. */
public record OnCallResponse(Instant at, Map<String, List<Recipient>> tiers) {
}
