package org.cartcompanion.alert.escalation.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.access.client.Directory;
import org.cartcompanion.alert.access.client.EscalationTargets;
import org.cartcompanion.alert.access.client.Routing;
import org.cartcompanion.alert.alert.Alert;
import org.cartcompanion.alert.alert.repository.AlertRepository;
import org.cartcompanion.alert.directory.StoredDirectory;
import org.cartcompanion.alert.directory.service.DirectoryRefresher;
import org.cartcompanion.alert.escalation.config.AlertConfig;
import org.cartcompanion.alert.notification.service.NotificationDispatcher;
import org.cartcompanion.alert.support.Passes;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Finds due alerts and takes their steps. Every replica runs it: the step locks the alert with SKIP LOCKED and re-checks it is
 * still due, so each step fires once. Timers are rows; a restarted replica picks up whatever fell due meanwhile.
 */
@ApplicationScoped
public class EscalationPoller {

    private final AlertRepository alerts;
    private final EscalationService escalation;
    private final Directory directory;
    private final DirectoryRefresher refresher;
    private final NotificationDispatcher dispatcher;
    private final AlertConfig config;
    private final Clock clock;
    private final Passes passes;
    private final Vertx vertx;
    private volatile Instant wakeAt;

    public EscalationPoller(AlertRepository alerts, EscalationService escalation, Directory directory,
            DirectoryRefresher refresher, NotificationDispatcher dispatcher, AlertConfig config, Clock clock, Vertx vertx) {
        this.alerts = alerts;
        this.escalation = escalation;
        this.directory = directory;
        this.refresher = refresher;
        this.dispatcher = dispatcher;
        this.config = config;
        this.clock = clock;
        this.vertx = vertx;
        this.passes = new Passes("Escalation", vertx, 1, this::pass);
    }

    @Scheduled(every = "${alert.escalation.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        passes.kick();
    }

    /** A new or changed alert is due now: look at once rather than at the next tick. */
    public void kick() {
        passes.kick();
    }

    /** One pass over the due alerts; true when the batch was full (more may be due). */
    public Uni<Boolean> pass() {
        Instant now = clock.instant();
        int batch = config.escalation().batchSize();
        AtomicBoolean progress = new AtomicBoolean();
        return Panache.withSession(() -> alerts.due(now, batch)).flatMap(due -> {
            if (due.isEmpty()) {
                return Uni.createFrom().item(false);
            }
            // Alerts are independent: take their steps side by side, each in its own transaction and context.
            return Multi.createFrom().iterable(due)
                    .onItem().transformToUni(alert -> Passes.onNewContext(vertx, () -> stepOne(alert, now)))
                    .merge(config.escalation().concurrency())
                    .collect().asList()
                    .map(results -> {
                        int queued = results.stream().mapToInt(EscalationService.Applied::queued).sum();
                        if (queued > 0) {
                            dispatcher.kick();
                        }
                        progress.set(results.stream().anyMatch(EscalationService.Applied::stepped));
                        return due.size() == batch;
                    });
        }).call(more -> more ? Uni.createFrom().voidItem() : wakeForNext(progress.get()));
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
                    passes.kick();
                }
                return;
            }
            Instant pending = wakeAt;
            if (delay > 1500 || (pending != null && !pending.isAfter(next) && pending.isAfter(clock.instant()))) {
                return;
            }
            wakeAt = next;
            vertx.setTimer(delay, id -> passes.kick());
        }).replaceWithVoid();
    }

    private Uni<EscalationService.Applied> stepOne(Alert alert, Instant now) {
        Uni<Optional<Routing>> routing = directory.routing(alert.patientId, alert.centerId, alert.disposition)
                .map(Optional::of)
                .onFailure().recoverWithItem(e -> {
                    Log.warnf("Routing for alert %s unavailable: %s", alert.id, e.getClass().getSimpleName());
                    return Optional.empty();
                });
        return routing.flatMap(r -> stored(alert, r).flatMap(s -> known(alert, r, s)
                .flatMap(k -> escalation.step(alert.id, new Roster(r, s, k), now))))
                .onFailure().recoverWithUni(e -> {
                    Log.errorf(e, "Escalation step of alert %s failed; it is retried after a backoff", alert.id);
                    return escalation.failed(alert.id, e, now);
                })
                .onFailure().recoverWithItem(e -> {
                    Log.errorf(e, "The failure of alert %s's step could not be recorded; it stays due", alert.id);
                    return new EscalationService.Applied(false, 0);
                });
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
        if (!alert.policy.contains("CLINICIAN:") || (routing.isEmpty() && stored.isPresent())) {
            return Uni.createFrom().item(Optional.empty());
        }
        return directory.knownClinicians(alert.centerId).map(Optional::of).onFailure().recoverWithItem(e -> Optional.empty());
    }

}
