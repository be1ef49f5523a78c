package org.cartcompanion.patient.outbox.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.outbox.client.AlertDelivery;
import org.cartcompanion.patient.outbox.config.OutboxConfig;
import org.cartcompanion.support.time.Backoff;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Delivers outbox events to alert-service until it confirms. Each pass locks the due rows with {@code FOR UPDATE SKIP LOCKED},
 * so every replica may run it and an event is never sent by two at once; a failed delivery is retried with exponential backoff.
 * Delivery is at least once: alert-service deduplicates by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final String TAKE_DUE = "SELECT id, payload, attempts FROM outbox_event"
            + " WHERE delivered_at IS NULL AND next_attempt_at <= $1"
            + " ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED";
    private static final String MARK_DELIVERED = "UPDATE outbox_event SET delivered_at = $2, attempts = attempts + 1,"
            + " last_error = NULL WHERE id = $1";
    private static final String MARK_FAILED = "UPDATE outbox_event SET attempts = attempts + 1, next_attempt_at = $2,"
            + " last_error = $3 WHERE id = $1";
    /** The pending event whose retry comes first, taken before its time: a probe of whether alert-service is back. */
    private static final String TAKE_PROBE = "SELECT id, payload, attempts FROM outbox_event"
            + " WHERE delivered_at IS NULL AND next_attempt_at > $1"
            + " ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED";
    /** alert-service answers again: every event still waiting out a backoff is due now. */
    private static final String BRING_FORWARD = "UPDATE outbox_event SET next_attempt_at = $1"
            + " WHERE delivered_at IS NULL AND next_attempt_at > $1";

    private final Pool pool;
    private final AlertDelivery delivery;
    private final OutboxConfig config;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    /** Set when a kick arrives during a pass: the pass then runs once more, so new events do not wait for the timer. */
    private final AtomicBoolean again = new AtomicBoolean();
    /** Set by a failed delivery; the next success brings the backed-off events forward. */
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile Instant lastSuccess = Instant.EPOCH;
    private volatile Instant lastProbe = Instant.EPOCH;

    public OutboxRelay(Pool pool, AlertDelivery delivery, OutboxConfig config, Clock clock) {
        this.pool = pool;
        this.delivery = delivery;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${patient.outbox.relay-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return relayDue().replaceWithVoid();
    }

    /** Starts a pass now, unless one is already running here (then that pass picks the new event up). */
    public void kick() {
        relayDue().subscribe().with(n -> {
        }, e -> Log.warnf("Outbox pass failed: %s", e.getClass().getSimpleName()));
    }

    /**
     * One pass: delivers what is due and returns how many were confirmed. With nothing due but events waiting out a backoff and
     * no success for a probe interval, the first of them is tried early; once alert-service answers again, every waiting event
     * is brought forward, so what queued during an outage is delivered within seconds of its return rather than after its
     * backoff.
     */
    public Uni<Integer> relayDue() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().item(0);
        }
        AtomicBoolean probed = new AtomicBoolean();
        return pool.withTransaction(connection -> connection.preparedQuery(TAKE_DUE)
                .execute(Tuple.of(now(), config.batchSize()))
                .flatMap(rows -> {
                    if (rows.size() > 0 || !probeDue()) {
                        return Uni.createFrom().item(rows);
                    }
                    probed.set(true);
                    lastProbe = clock.instant();
                    return connection.preparedQuery(TAKE_PROBE).execute(Tuple.of(now()));
                })
                .flatMap(rows -> {
                    if (rows.size() >= config.batchSize()) {
                        // A full batch: more may be due; the pass runs again at once instead of at the next tick.
                        again.set(true);
                    }
                    List<Uni<Boolean>> deliveries = new ArrayList<>();
                    for (Row row : rows) {
                        deliveries.add(deliverOne(connection, row.getUUID("id"), row.getString("payload"),
                                row.getInteger("attempts")));
                    }
                    if (deliveries.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return Uni.join().all(deliveries).andCollectFailures()
                            .map(results -> (int) results.stream().filter(Boolean::booleanValue).count());
                }))
                .call(delivered -> delivered > 0 && (failing.getAndSet(false) || probed.get()) ? bringForward()
                        : Uni.createFrom().voidItem())
                .eventually(() -> {
                    running.set(false);
                    if (again.getAndSet(false)) {
                        kick();
                    }
                });
    }

    private boolean probeDue() {
        Instant now = clock.instant();
        Duration every = config.probeInterval();
        return !now.isBefore(lastSuccess.plus(every)) && !now.isBefore(lastProbe.plus(every));
    }

    private Uni<Void> bringForward() {
        return pool.preparedQuery(BRING_FORWARD).execute(Tuple.of(now())).invoke(rows -> {
            if (rows.rowCount() > 0) {
                Log.infof("alert-service answers again: %d waiting outbox events brought forward", rows.rowCount());
                again.set(true);
            }
        }).replaceWithVoid();
    }

    private Uni<Boolean> deliverOne(SqlConnection connection, UUID id, String payload, int attempts) {
        return delivery.deliver(payload).flatMap(error -> {
            if (error == null) {
                lastSuccess = clock.instant();
                return connection.preparedQuery(MARK_DELIVERED).execute(Tuple.of(id, now())).replaceWith(true);
            }
            failing.set(true);
            Duration wait = backoff(attempts + 1);
            Log.warnf("Outbox event %s not delivered (attempt %d): %s; next try in %s", id, attempts + 1, error, wait);
            return connection.preparedQuery(MARK_FAILED)
                    .execute(Tuple.of(id, now().plus(wait), error))
                    .replaceWith(false);
        });
    }

    Duration backoff(int attempts) {
        return Backoff.after(attempts, config.backoffBase(), config.backoffMax());
    }

    private OffsetDateTime now() {
        Instant instant = clock.instant();
        return instant.atOffset(ZoneOffset.UTC);
    }
}
