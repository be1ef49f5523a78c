package org.cartcompanion.alert.escalation.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.access.client.Directory;
import org.cartcompanion.alert.access.client.EscalationTargets;
import org.cartcompanion.alert.access.client.Routing;
import org.cartcompanion.alert.alert.Alert;
import org.cartcompanion.alert.alert.repository.AlertRepository;
import org.cartcompanion.alert.config.AlertConfig;
import org.cartcompanion.alert.directory.StoredDirectory;
import org.cartcompanion.alert.directory.service.DirectoryRefresher;
import org.cartcompanion.alert.notification.service.NotificationDispatcher;
import org.cartcompanion.support.metrics.Latencies;
import org.cartcompanion.support.work.Attempted;
import org.cartcompanion.support.work.DurableJob;
import org.cartcompanion.support.work.Failure;
import org.cartcompanion.support.work.Outcome;
import org.cartcompanion.support.work.PassReport;
import org.cartcompanion.support.work.WorkLoop;
import org.cartcompanion.support.work.WorkLoops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Finds due alerts and takes their steps, on the durable-work loop: each alert in a transaction of its own that claims it only
 * if it is still due and free, so every replica may run it and each step fires once. Who is responsible is asked before the
 * claim, so no alert is locked while care-team-service answers. Timers are rows; a restarted replica picks up whatever fell due
 * meanwhile.
 */
@ApplicationScoped
public class EscalationPoller implements DurableJob<EscalationPoller.Due> {

    /** A due alert and, once gathered, whom its step can name. */
    public record Due(Alert alert, Roster roster) {
    }

    private final AlertRepository alerts;
    private final EscalationService escalation;
    private final Directory directory;
    private final DirectoryRefresher refresher;
    private final NotificationDispatcher dispatcher;
    private final Clock clock;
    private final Vertx vertx;
    private final WorkLoop<Due> loop;
    /** Alerts whose step queued notifications the dispatcher has not been woken for yet. */
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
    /** Alerts whose step was taken in a transaction not yet committed, with when that step was due. */
    private final Map<UUID, Instant> stepped = new ConcurrentHashMap<>();
    private final Timer lateness;
    private volatile Instant wakeAt;

    public EscalationPoller(AlertRepository alerts, EscalationService escalation, Directory directory,
            DirectoryRefresher refresher, NotificationDispatcher dispatcher, AlertConfig config, Clock clock, Vertx vertx,
            WorkLoops loops, MeterRegistry registry) {
        this.alerts = alerts;
        this.escalation = escalation;
        this.directory = directory;
        this.refresher = refresher;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.vertx = vertx;
        this.lateness = Latencies.histogram("cart.escalation.lateness",
                "How late an escalation step was taken: its due time (or its first failure) to the commit").register(registry);
        // Alerts are independent: their steps run side by side, each in its own transaction and context. Two passes may run
        // at once, so an alert that falls due while a pass waits on slow or failing steps is stepped at once.
        this.loop = loops.loop(this, WorkLoop.Settings.of("escalation", WorkLoop.Claim.EACH, config.escalation().batchSize())
                .passesAtOnce(2).rowsAtOnce(config.escalation().concurrency()).retry(escalation.retryPolicy()));
    }

    @Scheduled(every = "${alert.escalation.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        loop.kick();
    }

    /** A new or changed alert is due now: look at once rather than at the next tick. */
    public void kick() {
        loop.kick();
    }

    /** One pass over the due alerts; true when the batch was full (more may be due). */
    public Uni<Boolean> pass() {
        return loop.pass(clock.instant()).map(PassReport::full);
    }

    @Override
    public Uni<List<Due>> due(Instant now, int limit) {
        return alerts.due(now, limit).map(list -> list.stream().map(a -> new Due(a, null)).toList());
    }

    @Override
    public Instant dueAt(Due row) {
        return row.alert().nextStepAt;
    }

    @Override
    public Uni<Due> gather(Due row, Instant now) {
        Alert alert = row.alert();
        Uni<Optional<Routing>> routing = directory.routing(alert.patientId, alert.centerId, alert.disposition)
                .map(Optional::of)
                .onFailure().recoverWithItem(e -> {
                    Log.warnf("Routing for alert %s unavailable: %s", alert.id, e.getClass().getSimpleName());
                    return Optional.empty();
                });
        return routing.flatMap(r -> stored(alert, r)
                .flatMap(s -> known(alert, r, s).map(k -> new Due(alert, new Roster(r, s, k)))));
    }

    @Override
    public Uni<Due> claim(Due row, Instant now) {
        return alerts.lockIfDue(row.alert().id, now).map(locked -> locked == null ? null : new Due(locked, row.roster()));
    }

    @Override
    public Uni<Void> work(Due row, Instant now) {
        Instant due = row.alert().stepDue(now);
        return escalation.step(row.alert(), row.roster(), now).invoke(applied -> {
            queuedFor(row, applied.queued());
            if (applied.stepped()) {
                stepped.put(row.alert().id, due);
            }
        }).replaceWithVoid();
    }

    /** The alert's step ledger: a step that runs records itself (taken, or nobody to name); a failed one is counted here. */
    @Override
    public Attempted ledger(Due row) {
        Alert alert = row.alert();
        return new Attempted() {
            @Override
            public int attempts() {
                return alert.stepAttempts;
            }

            @Override
            public void succeeded(Instant at) {
            }

            @Override
            public void failed(Instant at, String error, Instant retryAt) {
                alert.stepFailed(at, error, Duration.between(at, retryAt));
            }
        };
    }

    @Override
    public Uni<Void> failed(Due row, Failure failure) {
        Log.errorf(failure.cause(), "Escalation step of alert %s failed; it is retried after a backoff", row.alert().id);
        return escalation.failed(row.alert(), failure.cause(), failure.at())
                .invoke(applied -> queuedFor(row, applied.queued())).replaceWithVoid();
    }

    @Override
    public Object key(Due row) {
        return row.alert().id;
    }

    /** The step's pages are committed: the dispatcher sends them now rather than at its next tick or after this pass. */
    @Override
    public void committed(Outcome<Due> outcome) {
        UUID id = outcome.row().alert().id;
        if (queued.remove(id)) {
            dispatcher.kick();
        }
        Instant due = stepped.remove(id);
        if (due != null && outcome.succeeded()) {
            lateness.record(Latencies.between(due, outcome.at()));
        }
    }

    private void queuedFor(Due row, int notifications) {
        if (notifications > 0) {
            queued.add(row.alert().id);
        }
    }

    @Override
    public Uni<Void> afterPass(PassReport report) {
        return report.full() ? Uni.createFrom().voidItem() : wakeForNext(report.succeeded() > 0);
    }

    /**
     * The scheduler ticks once a second; a timer set for the next due step lets it fire on time rather than up to a second
     * late.
     */
    private Uni<Void> wakeForNext(boolean progressed) {
        return Panache.withSession(() -> alerts.nextDue()).invoke(next -> {
            if (next == null) {
                return;
            }
            long delay = Duration.between(clock.instant(), next).toMillis();
            if (delay <= 0) {
                // Became due while this pass ran: run again as soon as it ends. Without progress (the alert is held by
                // another replica, or its step keeps failing) the next tick retries instead, so nothing spins.
                if (progressed) {
                    loop.kick();
                }
                return;
            }
            Instant pending = wakeAt;
            if (delay > 1500 || (pending != null && !pending.isAfter(next) && pending.isAfter(clock.instant()))) {
                return;
            }
            wakeAt = next;
            vertx.setTimer(delay, id -> loop.kick());
        }).replaceWithVoid();
    }

    /** The stored directory of the alert's center, read only when routing did not answer. */
    private Uni<Optional<StoredDirectory>> stored(Alert alert, Optional<Routing> routing) {
        if (routing.isPresent()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return refresher.storedAt(alert.centerId).map(Optional::ofNullable)
                .onFailure().recoverWithItem(e -> Optional.empty());
    }

    /** The center's clinicians, for a policy naming one directly; from care-team-service unless routing already failed. */
    private Uni<Optional<EscalationTargets>> known(Alert alert, Optional<Routing> routing, Optional<StoredDirectory> stored) {
        if (!escalation.namesClinicians(alert) || (routing.isEmpty() && stored.isPresent())) {
            return Uni.createFrom().item(Optional.empty());
        }
        return directory.knownClinicians(alert.centerId).map(Optional::of).onFailure().recoverWithItem(e -> Optional.empty());
    }
}
