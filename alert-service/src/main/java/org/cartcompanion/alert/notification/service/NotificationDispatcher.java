package org.cartcompanion.alert.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.cartcompanion.alert.alert.Alert;
import org.cartcompanion.alert.alert.TimelineEntry;
import org.cartcompanion.alert.alert.repository.AlertRepository;
import org.cartcompanion.alert.alert.repository.TimelineRepository;
import org.cartcompanion.alert.escalation.config.AlertConfig;
import org.cartcompanion.alert.escalation.engine.Purpose;
import org.cartcompanion.alert.escalation.engine.Status;
import org.cartcompanion.alert.notification.AckLink;
import org.cartcompanion.alert.notification.Notification;
import org.cartcompanion.alert.notification.repository.AckLinkRepository;
import org.cartcompanion.alert.notification.repository.NotificationRepository;
import org.cartcompanion.alert.support.Batches;
import org.cartcompanion.alert.support.Passes;
import org.cartcompanion.support.reactive.Deadlines;
import org.cartcompanion.support.time.Backoff;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Sends queued notifications through their channel, with per-delivery status. A pass locks the due rows with SKIP LOCKED (so
 * every replica may run it and none is sent twice by two replicas) and share-locks their alerts, so an acknowledgement waits
 * for the sends in flight and no page leaves after it. A page no longer wanted is cancelled; a failed send is retried with
 * exponential backoff until the channel takes it. Every attempt goes on the alert's timeline.
 */
@ApplicationScoped
public class NotificationDispatcher {

    public static final String NOTIFIED = "NOTIFIED";
    public static final String NOTIFICATION_FAILED = "NOTIFICATION_FAILED";
    public static final String NOTIFICATION_CANCELLED = "NOTIFICATION_CANCELLED";

    private final NotificationRepository notifications;
    private final AlertRepository alerts;
    private final AckLinkRepository links;
    private final TimelineRepository timeline;
    private final AlertLinks addresses;
    private final Map<Notification.Channel, Notifier> notifiers;
    private final AlertConfig config;
    private final Clock clock;
    private final Passes passes;

    public NotificationDispatcher(NotificationRepository notifications, AlertRepository alerts, AckLinkRepository links,
            TimelineRepository timeline, AlertLinks addresses, Instance<Notifier> notifiers, AlertConfig config, Clock clock,
            Vertx vertx) {
        this.notifications = notifications;
        this.alerts = alerts;
        this.links = links;
        this.timeline = timeline;
        this.addresses = addresses;
        this.notifiers = notifiers.stream().collect(Collectors.toMap(Notifier::channel, Function.identity()));
        this.config = config;
        this.clock = clock;
        this.passes = new Passes("Notification", vertx, config.delivery().concurrency(), this::pass);
    }

    @Scheduled(every = "${alert.delivery.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        passes.kick();
    }

    public void kick() {
        passes.kick();
    }

    private record Outcome(Notification notification, Alert alert, String error) {
    }

    /** One pass; true when the batch was full. */
    public Uni<Boolean> pass() {
        Instant now = clock.instant();
        int batch = config.delivery().batchSize();
        return Panache.withTransaction(() -> notifications.lockDue(now, batch).flatMap(due -> {
            if (due.isEmpty()) {
                return Uni.createFrom().item(false);
            }
            List<UUID> alertIds = due.stream().map(n -> n.alertId).distinct().toList();
            List<UUID> ids = due.stream().map(n -> n.id).toList();
            return alerts.shareLock(alertIds).flatMap(locked -> links.find("notificationId in ?1", ids).list()
                    .flatMap(found -> {
                        Map<UUID, Alert> byId = new HashMap<>();
                        locked.forEach(a -> byId.put(a.id, a));
                        Map<UUID, AckLink> linkFor = new HashMap<>();
                        found.forEach(l -> linkFor.put(l.notificationId, l));
                        List<TimelineEntry> entries = new ArrayList<>();
                        List<Uni<Outcome>> sends = new ArrayList<>();
                        for (Notification n : due) {
                            Alert alert = byId.get(n.alertId);
                            String unwanted = unwanted(n, alert);
                            if (unwanted != null) {
                                n.status = Notification.DeliveryStatus.CANCELLED;
                                n.nextAttemptAt = null;
                                entries.add(TimelineEntry.of(n.alertId, now, NOTIFICATION_CANCELLED,
                                        n.purpose + " to " + who(n) + " not sent: " + unwanted));
                                continue;
                            }
                            sends.add(send(n, alert, linkFor.get(n.id)));
                        }
                        Uni<List<Outcome>> all = sends.isEmpty() ? Uni.createFrom().item(List.of())
                                : Uni.join().all(sends).andFailFast();
                        return all.flatMap(outcomes -> {
                            Instant done = clock.instant();
                            for (Outcome o : outcomes) {
                                record(o, done, entries);
                            }
                            return Batches.persist(timeline, entries).replaceWith(due.size() == batch);
                        });
                    }));
        }));
    }

    private Uni<Outcome> send(Notification n, Alert alert, AckLink link) {
        Notifier notifier = notifiers.get(n.channel);
        Page page = page(n, alert, link);
        return Deadlines.within(config.delivery().sendTimeout(), () -> notifier.send(page))
                .map(v -> new Outcome(n, alert, null))
                .onFailure().recoverWithItem(e -> new Outcome(n, alert, describe(e)));
    }

    private void record(Outcome o, Instant now, List<TimelineEntry> entries) {
        Notification n = o.notification();
        n.attempts++;
        if (o.error() == null) {
            n.status = Notification.DeliveryStatus.SENT;
            n.sentAt = now;
            n.nextAttemptAt = null;
            n.lastError = null;
            entries.add(TimelineEntry.of(n.alertId, now, NOTIFIED, n.purpose + " " + n.channel.name().toLowerCase()
                    + " sent to " + who(n) + (n.attempts > 1 ? " (attempt " + n.attempts + ")" : "")));
            Log.infof("Notification %s for alert %s sent (%s, attempt %d)", n.id, n.alertId, n.purpose, n.attempts);
        } else {
            Duration wait = backoff(n.attempts);
            n.nextAttemptAt = now.plus(wait);
            n.lastError = o.error().length() > 500 ? o.error().substring(0, 500) : o.error();
            entries.add(TimelineEntry.of(n.alertId, now, NOTIFICATION_FAILED, n.purpose + " to " + who(n) + ", attempt "
                    + n.attempts + ": " + n.lastError + "; next try in " + wait.toMillis() / 1000.0 + " s"));
            Log.warnf("Notification %s for alert %s failed (attempt %d): %s", n.id, n.alertId, n.attempts, n.lastError);
        }
    }

    /** Why a queued notification must not go out any more; null when it should. */
    static String unwanted(Notification n, Alert alert) {
        if (alert == null || alert.status == Status.RESOLVED) {
            return "the alert is resolved";
        }
        if (n.purpose == Purpose.ACK_REMINDER) {
            return alert.status == Status.ACKNOWLEDGED ? null : "the alert is no longer acknowledged";
        }
        if (alert.status == Status.ACKNOWLEDGED) {
            return "the alert was acknowledged by " + alert.acknowledger();
        }
        return null;
    }

    private Page page(Notification n, Alert alert, AckLink link) {
        String ackUrl = link == null ? null : addresses.acknowledge(link);
        String consoleUrl = addresses.console(alert.id);
        return new Page(n.purpose, n.recipientName, n.address, alert.disposition.name(), alert.dayPostInfusion,
                alert.phase.name(), alert.product, alert.summary, alert.firedRules, alert.patientPhone, alert.centerPhone,
                n.level, ackUrl, consoleUrl, alert.status.name(), alert.acknowledger());
    }

    private static String who(Notification n) {
        return n.recipientName != null ? n.recipientName : n.address;
    }

    private static String describe(Throwable e) {
        String type = e.getClass().getSimpleName();
        if ("TimeoutException".equals(type)) {
            return "no answer from the mail server within the send timeout";
        }
        String message = e.getMessage();
        return type + (message == null ? "" : ": " + message.replaceAll("\\s+", " "));
    }

    Duration backoff(int attempts) {
        return Backoff.after(attempts, config.delivery().backoffBase(), config.delivery().backoffMax());
    }
}
