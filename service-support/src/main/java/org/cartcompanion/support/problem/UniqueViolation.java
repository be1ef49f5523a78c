package org.cartcompanion.support.problem;

import java.sql.SQLException;

import io.vertx.sqlclient.DatabaseException;

/**
 * Recognises PostgreSQL's unique violation (SQLSTATE 23505) anywhere in a failure's causes, as the reactive client reports it.
 */
public final class UniqueViolation {

    private UniqueViolation() {
    }

    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DatabaseException db && "23505".equals(db.getSqlState())) {
                return true;
            }
            // Hibernate Reactive reports it as its own exception with an SQLException cause.
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
