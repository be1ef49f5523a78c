package org.cartcompanion.patient.outbox.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.outbox.OutboxEvent;
import org.cartcompanion.patient.outbox.client.AlertDelivery;
import org.cartcompanion.patient.outbox.config.OutboxConfig;
import org.cartcompanion.patient.outbox.repository.OutboxRepository;
import org.cartcompanion.support.metrics.Latencies;
import org.cartcompanion.support.work.DueRows;
import org.cartcompanion.support.work.DurableJob;
import org.cartcompanion.support.work.Failure;
import org.cartcompanion.support.work.Outcome;
import org.cartcompanion.support.work.PassReport;
import org.cartcompanion.support.work.RetryPolicy;
import org.cartcompanion.support.work.WorkLoop;
import org.cartcompanion.support.work.WorkLoops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Delivers outbox events to alert-service until it confirms, on the durable-work loop: every replica may run it and an event is
 * never sent by two at once; a failed delivery is retried with exponential backoff. Delivery is at least once: alert-service
 * deduplicates by event id.
 */
@ApplicationScoped
public class OutboxRelay implements DurableJob<OutboxEvent> {

    private static final String DUE = DueRows.claim("outbox_event", "delivered_at IS NULL AND next_attempt_at <= :now",
            "next_attempt_at");
    /** The pending event whose retry comes first, taken before its time: a probe of whether alert-service is back. */
    private static final String PROBE = DueRows.claim("outbox_event", "delivered_at IS NULL AND next_attempt_at > :now",
            "next_attempt_at");

    private final OutboxRepository events;
    private final AlertDelivery delivery;
    private final OutboxConfig config;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, Timer> toAlert = new ConcurrentHashMap<>();
    private final WorkLoop<OutboxEvent> loop;
    /** Set by a failed delivery; the next success brings the backed-off events forward. */
    private final AtomicBoolean failing = new AtomicBoolean();
    /** Set when a pass took a probe. */
    private final AtomicBoolean probed = new AtomicBoolean();
    private volatile Instant lastSuccess = Instant.EPOCH;
    private volatile Instant lastProbe = Instant.EPOCH;

    public OutboxRelay(OutboxRepository events, AlertDelivery delivery, OutboxConfig config, Clock clock, WorkLoops loops,
            MeterRegistry registry) {
        this.events = events;
        this.delivery = delivery;
        this.config = config;
        this.clock = clock;
        // The series exists at 0 from the start, so deliveries after the replica's first scrape count in increase() even
        // when they are its first.
        toAlert.put(OutboxEvent.TRIAGE_EVENT, toAlert(OutboxEvent.TRIAGE_EVENT, registry));
        this.registry = registry;
        // Deliveries of a batch go out side by side (they do not use the session).
        this.loop = loops.loop(this, WorkLoop.Settings.of("outbox", WorkLoop.Claim.BATCH, config.batchSize())
                .rowsAtOnce(config.batchSize())
                .deadline(config.deliveryTimeout(), "no answer within the delivery timeout")
                .retry(new RetryPolicy(config.backoffBase(), config.backoffMax())));
    }

    @Scheduled(every = "${patient.outbox.relay-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        loop.kick();
    }

    /** Starts a pass now, unless one is already running here (then that pass runs again right after). */
    public void kick() {
        loop.kick();
    }

    /** One pass: delivers what is due and answers how many were confirmed. */
    public Uni<Integer> relayDue() {
        return loop.pass(clock.instant()).map(PassReport::succeeded);
    }

    /**
     * The due events. With none due but events waiting out a backoff and no success for a probe interval, the first of them is
     * tried early; once alert-service answers again, every waiting event is brought forward, so what queued during an outage is
     * delivered within seconds of its return rather than after its backoff.
     */
    @Override
    public Uni<List<OutboxEvent>> due(Instant now, int limit) {
        return DueRows.list(OutboxEvent.class, DUE, Map.of("now", now, "limit", limit)).flatMap(due -> {
            if (!due.isEmpty() || !probeDue()) {
                return Uni.createFrom().item(due);
            }
            probed.set(true);
            lastProbe = clock.instant();
            return DueRows.list(OutboxEvent.class, PROBE, Map.of("now", now, "limit", 1));
        });
    }

    @Override
    public Instant dueAt(OutboxEvent event) {
        return event.nextAttemptAt;
    }

    @Override
    public Uni<Void> work(OutboxEvent event, Instant now) {
        return delivery.deliver(event.payload);
    }

    @Override
    public Uni<Void> succeeded(OutboxEvent event, Outcome<OutboxEvent> outcome) {
        lastSuccess = outcome.at();
        return Uni.createFrom().voidItem();
    }

    private static Timer toAlert(String event, MeterRegistry registry) {
        return Latencies.histogram("cart.checkin.to.alert", "A triage event's check-in to alert-service confirming it")
                .tag("event", event).register(registry);
    }

    /**
     * A confirmed event counts in {@code cart_checkin_to_alert_seconds{event}}: from the check-in (or missed check-in) that
     * wrote it to alert-service confirming it has the event, retries and outages included.
     */
    @Override
    public void committed(Outcome<OutboxEvent> outcome) {
        if (outcome.succeeded()) {
            OutboxEvent event = outcome.row();
            toAlert.computeIfAbsent(event.eventType, type -> toAlert(type, registry))
                    .record(Latencies.between(event.createdAt, outcome.at()));
        }
    }

    @Override
    public Uni<Void> failed(OutboxEvent event, Failure failure) {
        failing.set(true);
        Log.warnf("Outbox event %s not delivered (attempt %d): %s; next try in %s", event.id, failure.attempt(),
                failure.error(), failure.delay());
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> afterPass(PassReport report) {
        boolean wasProbe = probed.getAndSet(false);
        if (report.succeeded() == 0 || !(failing.getAndSet(false) || wasProbe)) {
            return Uni.createFrom().voidItem();
        }
        // alert-service answers again: every event still waiting out a backoff is due now.
        Instant now = clock.instant();
        return Panache.withTransaction(() -> events.update(
                "nextAttemptAt = ?1 where deliveredAt is null and nextAttemptAt > ?1", now)).invoke(moved -> {
                    if (moved > 0) {
                        Log.infof("alert-service answers again: %d waiting outbox events brought forward", moved);
                        loop.kick();
                    }
                }).replaceWithVoid();
    }

    private boolean probeDue() {
        Instant now = clock.instant();
        Duration every = config.probeInterval();
        return !now.isBefore(lastSuccess.plus(every)) && !now.isBefore(lastProbe.plus(every));
    }
}
