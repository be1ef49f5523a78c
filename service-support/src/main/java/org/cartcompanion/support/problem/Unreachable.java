package org.cartcompanion.support.problem;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.nio.channels.ClosedChannelException;
import java.util.IdentityHashMap;
import java.util.Map;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

/**
 * Failures that mean "something this request needs cannot be reached just now" (the database restarting or failing over,
 * another service down) rather than a fault in this service: the caller should try again, and the platform's readiness check
 * already takes the instance out of service.
 */
final class Unreachable {

    private Unreachable() {
    }

    static boolean isCauseOf(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable e = failure; e != null && seen.put(e, Boolean.TRUE) == null; e = e.getCause()) {
            if (e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof ClosedChannelException
                    || e instanceof ClosedConnectionException) {
                return true;
            }
            if (e instanceof DatabaseException db && db.getSqlState() != null) {
                String state = db.getSqlState();
                // 08xxx: connection exceptions; 57P01–57P03: the server is shutting down, crashed, or still starting.
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }
}
