package org.cartcompanion.support.work;

import java.time.Instant;

/** What became of one claimed row in a pass: done at {@code at}, or failed ({@code failure} not null). */
public record Outcome<R>(R row, Instant at, Failure failure) {

    public boolean succeeded() {
        return failure == null;
    }
}
