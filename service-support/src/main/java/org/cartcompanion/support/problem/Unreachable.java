package org.cartcompanion.support.problem;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.nio.channels.ClosedChannelException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

/**
 * Failures that mean "something this request needs cannot be reached just now" (the database restarting or failing over,
 * another service down) rather than a fault in this service: the caller should try again, and the platform's readiness check
 * already takes the instance out of service.
 */
final class Unreachable {

    private static final Set<String> OUTAGE_STATES = Set.of("08000", "08001", "08003", "08004", "08006", "57P01", "57P02",
            "57P03");

    private Unreachable() {
    }

    static boolean isCauseOf(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable e = failure; e != null && seen.put(e, Boolean.TRUE) == null; e = e.getCause()) {
            if (e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof ClosedChannelException
                    || e instanceof ClosedConnectionException) {
                return true;
            }
            // The connection failed or the server is shutting down, crashed, or still starting; not 08P01 (a protocol
            // violation is a fault of this side, to be fixed, not retried).
            if (e instanceof DatabaseException db && OUTAGE_STATES.contains(db.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
