package org.cartcompanion.support.metrics;

/**
 * Work a service keeps in a table until it is done: which rows wait ({@code waiting}, a condition on the table that may use
 * {@code $1}, the current instant) and since when each has been due ({@code dueSince}, a timestamp expression). Read from the
 * database, not from the job's memory, so a job that stopped running still shows its backlog growing.
 */
public record Backlog(String name, String table, String waiting, String dueSince) {

    /** One statement: how many rows wait, and the earliest instant one of them has been due since. */
    String sql() {
        return "SELECT count(*), min(" + dueSince + ") FROM " + table + " WHERE " + waiting;
    }
}
