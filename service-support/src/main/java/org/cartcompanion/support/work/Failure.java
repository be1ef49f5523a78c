package org.cartcompanion.support.work;

import java.time.Duration;
import java.time.Instant;

import io.smallrye.mutiny.TimeoutException;

/**
 * A failed attempt: its number, the error as recorded (one wording, one length for every job) and when the row is tried again
 * ({@code retryAt} null for jobs without a retry policy: they try again at the next pass).
 */
public record Failure(int attempt, String error, Instant at, Duration delay, Instant retryAt, Throwable cause) {

    /** Whether the other side refused for good: the row is given up, not retried ({@code retryAt} is null). */
    public boolean permanent() {
        return cause instanceof Refusal r && r.permanent();
    }

    /** The longest error text recorded on a row (the {@code last_error} columns are {@code VARCHAR(500)}). */
    public static final int MAX_ERROR = 500;

    /** The error text of {@code e}: a refusal's own words, the deadline's meaning, or the type and message, on one line. */
    public static String describe(Throwable e, String deadlineMeaning) {
        String text;
        if (e instanceof Refusal) {
            text = e.getMessage();
        } else if (e instanceof TimeoutException || e instanceof java.util.concurrent.TimeoutException) {
            text = deadlineMeaning;
        } else {
            String message = e.getMessage();
            text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        }
        return cut(text == null ? e.getClass().getSimpleName() : text.replaceAll("\\s+", " ").strip());
    }

    /** {@code text} cut to {@link #MAX_ERROR} characters. */
    public static String cut(String text) {
        return text == null || text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
