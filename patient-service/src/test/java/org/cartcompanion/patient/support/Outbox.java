package org.cartcompanion.patient.support;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.inject.spi.CDI;

import org.cartcompanion.patient.outbox.OutboxEvent;
import org.cartcompanion.patient.outbox.repository.OutboxRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

/** Reads the outbox the way the relay would, for tests that check what was queued. */
public final class Outbox {

    private Outbox() {
    }

    /** Makes the check-in's undelivered event wait {@code seconds} more, as a long run of failures would have. */
    public static void postpone(String checkInId, long seconds) {
        io.vertx.mutiny.sqlclient.Pool pool = CDI.current().select(io.vertx.mutiny.sqlclient.Pool.class).get();
        pool.preparedQuery("UPDATE outbox_event SET next_attempt_at = now() + make_interval(secs => $2)"
                + " WHERE aggregate_id = $1 AND delivered_at IS NULL")
                .executeAndAwait(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(checkInId), (double) seconds));
    }

    public static List<OutboxEvent> forCheckIn(String checkInId) {
        OutboxRepository repository = CDI.current().select(OutboxRepository.class).get();
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                    () -> repository.list("aggregateId", UUID.fromString(checkInId))));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
