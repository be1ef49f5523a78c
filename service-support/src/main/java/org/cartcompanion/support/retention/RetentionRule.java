package org.cartcompanion.support.retention;

import java.time.Duration;

/**
 * What a service keeps only for a while: rows of {@code table} whose {@code timeColumn} is older than {@code keep} (and that
 * match {@code condition}, SQL over the table's columns, or null) are deleted by the retention purge, a batch at a time.
 */
public record RetentionRule(String name, String table, String idColumn, String timeColumn, String condition,
        Duration keep) {
}
