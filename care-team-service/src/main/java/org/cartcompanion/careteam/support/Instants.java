package org.cartcompanion.careteam.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.cartcompanion.support.problem.ProblemException;

/** Instants in query parameters: ISO-8601 with an offset, as everywhere in the API. */
public final class Instants {

    private Instants() {
    }

    /** The instant, or null when the parameter is absent; 400 naming the parameter when it is not one. */
    public static Instant param(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException
                    .badRequest(name + " must be an ISO-8601 instant with offset, e.g. 2026-11-21T02:10:00-06:00.");
        }
    }
}
