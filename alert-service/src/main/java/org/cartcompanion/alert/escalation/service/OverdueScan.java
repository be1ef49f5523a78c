package org.cartcompanion.alert.escalation.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.alert.Alert;
import org.cartcompanion.alert.alert.TimelineEntry;
import org.cartcompanion.alert.alert.TimelineType;
import org.cartcompanion.alert.alert.repository.AlertRepository;
import org.cartcompanion.alert.alert.repository.TimelineRepository;
import org.cartcompanion.alert.config.AlertConfig;
import org.cartcompanion.alert.support.Batches;
import org.cartcompanion.support.work.Contexts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * "Did escalation finish?": an independent scan that reports open alerts whose next step is more than a minute late (a stuck
 * poller, a step that keeps failing, a database that was away) with a timeline entry and a metric an operator can alert on. It
 * reports; the poller and the failure backoff are what page.
 */
@ApplicationScoped
public class OverdueScan {

    private static final int BATCH = 100;

    private final AlertRepository alerts;
    private final TimelineRepository timeline;
    private final AlertConfig config;
    private final Clock clock;
    private final Vertx vertx;
    private final Counter flagged;
    private final AtomicLong overdue = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();

    public OverdueScan(AlertRepository alerts, TimelineRepository timeline, AlertConfig config, Clock clock, Vertx vertx,
            MeterRegistry registry) {
        this.alerts = alerts;
        this.timeline = timeline;
        this.config = config;
        this.clock = clock;
        this.vertx = vertx;
        this.flagged = Counter.builder("alert.escalation.overdue.flagged")
                .description("Open alerts the overdue scan found with a step more than the limit late").register(registry);
        Gauge.builder("alert.escalation.overdue", overdue, AtomicLong::get)
                .description("Open alerts reported overdue whose step has still not been taken").register(registry);
    }

    @Scheduled(every = "${alert.escalation.overdue-scan-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        scanNow().subscribe().with(n -> running.set(false), e -> {
            running.set(false);
            Log.warnf("The overdue scan failed: %s", e.getClass().getSimpleName());
        });
    }

    /** One scan, now, on a context of its own; answers how many alerts it newly reported. */
    public Uni<Integer> scanNow() {
        return Contexts.onNew(vertx, this::scan);
    }

    private Uni<Integer> scan() {
        Instant now = clock.instant();
        Duration limit = config.escalation().overdueAfter();
        return Panache.withTransaction(() -> alerts.lockOverdue(now.minus(limit), BATCH).flatMap(late -> {
            List<TimelineEntry> entries = new ArrayList<>();
            for (Alert alert : late) {
                alert.overdueFlaggedAt = now;
                Instant due = alert.stepFailingSince != null ? alert.stepFailingSince : alert.nextStepAt;
                entries.add(TimelineEntry.of(alert.id, now, TimelineType.STEP_OVERDUE,
                        "The escalation step due at " + due + " is "
                                + Duration.between(due, now).toSeconds() + " s late" + (alert.stepError == null ? ""
                                        : " (" + alert.stepError + "; " + alert.stepAttempts + " attempts)")));
                Log.errorf("Alert %s: escalation step %d s overdue", alert.id, Duration.between(due, now).toSeconds());
            }
            flagged.increment(late.size());
            return Batches.persist(timeline, entries).map(v -> late.size());
        })).call(n -> Panache.withSession(alerts::countOverdue).invoke(overdue::set));
    }
}
