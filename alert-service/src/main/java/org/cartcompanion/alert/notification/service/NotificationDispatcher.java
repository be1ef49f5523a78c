package org.cartcompanion.alert.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.alert.Alert;
import org.cartcompanion.alert.alert.Status;
import org.cartcompanion.alert.alert.TimelineEntry;
import org.cartcompanion.alert.alert.TimelineType;
import org.cartcompanion.alert.alert.repository.AlertRepository;
import org.cartcompanion.alert.alert.repository.TimelineRepository;
import org.cartcompanion.alert.alert.service.PatientMessages;
import org.cartcompanion.alert.config.AlertConfig;
import org.cartcompanion.alert.notification.AckLink;
import org.cartcompanion.alert.notification.Notification;
import org.cartcompanion.alert.notification.Purpose;
import org.cartcompanion.alert.notification.repository.AckLinkRepository;
import org.cartcompanion.alert.notification.repository.NotificationRepository;
import org.cartcompanion.alert.support.Batches;
import org.cartcompanion.support.metrics.Latencies;
import org.cartcompanion.support.work.Attempted;
import org.cartcompanion.support.work.DurableJob;
import org.cartcompanion.support.work.Failure;
import org.cartcompanion.support.work.Outcome;
import org.cartcompanion.support.work.PassReport;
import org.cartcompanion.support.work.Refusal;
import org.cartcompanion.support.work.RetryPolicy;
import org.cartcompanion.support.work.WorkLoop;
import org.cartcompanion.support.work.WorkLoops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Sends queued notifications through their channel, with per-delivery status, on the durable-work loop. A pass claims the due
 * rows (so every replica may run it and none is sent twice by two replicas) and share-locks their alerts, so an acknowledgement
 * waits for the sends in flight and no page leaves after it. A page no longer wanted is cancelled; a failed send is retried
 * with exponential backoff until the channel takes it. Every attempt goes on the alert's timeline.
 */
@ApplicationScoped
public class NotificationDispatcher implements DurableJob<NotificationDispatcher.Send> {

    /** A claimed notification and, once prepared, its alert (share-locked) and acknowledge link. */
    public record Send(Notification notification, Alert alert, AckLink link) {
    }

    private final NotificationRepository notifications;
    private final AlertRepository alerts;
    private final AckLinkRepository links;
    private final TimelineRepository timeline;
    private final AlertLinks addresses;
    private final Channels channels;
    private final Clock clock;
    private final Map<Notification.Channel, Map<Purpose, Timer>> latency = new EnumMap<>(Notification.Channel.class);
    private final WorkLoop<Send> loop;

    public NotificationDispatcher(NotificationRepository notifications, AlertRepository alerts, AckLinkRepository links,
            TimelineRepository timeline, AlertLinks addresses, Channels channels, AlertConfig config, Clock clock,
            WorkLoops loops, MeterRegistry registry) {
        this.notifications = notifications;
        this.alerts = alerts;
        this.links = links;
        this.timeline = timeline;
        this.addresses = addresses;
        this.channels = channels;
        this.clock = clock;
        // Every series exists at 0 from the start, so pages after the replica's first scrape count in increase() even when
        // they are its first of their kind. (Pages a new replica sends before Prometheus first scrapes it do not: while no
        // replica ran, CartServiceDown was firing, and CartPagesDelayed sees them waiting from the surviving replicas.)
        for (Notification.Channel channel : Notification.Channel.values()) {
            Map<Purpose, Timer> byPurpose = new EnumMap<>(Purpose.class);
            for (Purpose purpose : Purpose.values()) {
                byPurpose.put(purpose, Latencies.histogram("cart.page.latency", "A notification's due time to its channel "
                        + "taking it").tag("channel", channel.name()).tag("purpose", purpose.name()).register(registry));
            }
            latency.put(channel, byPurpose);
        }
        AlertConfig.Delivery delivery = config.delivery();
        // The sends of a batch go out side by side (they do not use the session); outcomes are recorded after all answer.
        this.loop = loops.loop(this, WorkLoop.Settings.of("notification", WorkLoop.Claim.BATCH, delivery.batchSize())
                .passesAtOnce(delivery.concurrency()).rowsAtOnce(delivery.batchSize())
                .deadline(delivery.sendTimeout(), "no answer from the mail server within the send timeout")
                .retry(new RetryPolicy(delivery.backoffBase(), delivery.backoffMax())));
    }

    @Scheduled(every = "${alert.delivery.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        loop.kick();
    }

    public void kick() {
        loop.kick();
    }

    /** One pass; true when the batch was full. */
    public Uni<Boolean> pass() {
        return loop.pass(clock.instant()).map(PassReport::full);
    }

    @Override
    public Uni<List<Send>> due(Instant now, int limit) {
        return notifications.lockDue(now, limit).map(due -> due.stream().map(n -> new Send(n, null, null)).toList());
    }

    @Override
    public Instant dueAt(Send row) {
        return row.notification().nextAttemptAt;
    }

    @Override
    public Attempted ledger(Send row) {
        return row.notification();
    }

    /**
     * Share-locks the alerts of the batch, so an acknowledgement waits for the sends in flight and no page leaves after it, and
     * cancels the pages no longer wanted.
     */
    @Override
    public Uni<List<Send>> prepare(List<Send> claimed, Instant now) {
        List<UUID> alertIds = claimed.stream().map(s -> s.notification().alertId).distinct().toList();
        List<UUID> ids = claimed.stream().map(s -> s.notification().id).toList();
        return alerts.shareLock(alertIds).flatMap(locked -> links.find("notificationId in ?1", ids).list()
                .flatMap(found -> {
                    Map<UUID, Alert> byId = new HashMap<>();
                    locked.forEach(a -> byId.put(a.id, a));
                    Map<UUID, AckLink> linkFor = new HashMap<>();
                    found.forEach(l -> linkFor.put(l.notificationId, l));
                    List<TimelineEntry> cancelled = new ArrayList<>();
                    List<Send> wanted = new ArrayList<>();
                    for (Send s : claimed) {
                        Notification n = s.notification();
                        Alert alert = byId.get(n.alertId);
                        String unwanted = unwanted(n, alert);
                        if (unwanted == null) {
                            wanted.add(new Send(n, alert, linkFor.get(n.id)));
                            continue;
                        }
                        n.status = Notification.DeliveryStatus.CANCELLED;
                        n.nextAttemptAt = null;
                        cancelled.add(TimelineEntry.of(n.alertId, now, TimelineType.NOTIFICATION_CANCELLED,
                                n.purpose + " to " + who(n) + " not sent: " + unwanted));
                    }
                    return Batches.persist(timeline, cancelled).replaceWith(wanted);
                }));
    }

    @Override
    public Uni<Void> work(Send s, Instant now) {
        Notification n = s.notification();
        Notifier notifier = channels.notifier(n.channel);
        if (notifier == null || !notifier.available()) {
            return Uni.createFrom().failure(Refusal.permanent(n.channel.name().toLowerCase()
                    + " cannot be sent by this deployment (not configured)"));
        }
        return notifier.send(page(n, s.alert(), s.link())).invoke(id -> n.providerId = id).replaceWithVoid();
    }

    /** Every attempt of the batch on its alert's timeline, in one write. */
    @Override
    public Uni<Void> finish(List<Outcome<Send>> outcomes, Instant now) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (Outcome<Send> o : outcomes) {
            Notification n = o.row().notification();
            if (o.succeeded()) {
                entries.add(TimelineEntry.of(n.alertId, o.at(), TimelineType.NOTIFIED, n.purpose + " "
                        + n.channel.name().toLowerCase() + " sent to " + who(n)
                        + (n.attempts > 1 ? " (attempt " + n.attempts + ")" : "")));
                Log.infof("Notification %s for alert %s sent (%s, attempt %d)", n.id, n.alertId, n.purpose, n.attempts);
            } else {
                Failure f = o.failure();
                entries.add(TimelineEntry.of(n.alertId, o.at(), TimelineType.NOTIFICATION_FAILED, n.purpose + " "
                        + n.channel.name().toLowerCase() + " to " + who(n) + ", attempt " + f.attempt() + ": " + f.error()
                        + (f.permanent() ? "; not retried (refused for good), the other methods and levels go on"
                                : "; next try in " + f.delay().toMillis() / 1000.0 + " s")));
                Log.warnf("Notification %s for alert %s failed (attempt %d): %s", n.id, n.alertId, f.attempt(), f.error());
            }
        }
        return Batches.persist(timeline, entries);
    }

    /**
     * A sent notification counts in {@code cart_page_latency_seconds{channel,purpose}}: from when it was due (the intake for an
     * alert's first pages, the step's due time for later ones, plus the method's delay) to when its channel took it.
     */
    @Override
    public void committed(Outcome<Send> outcome) {
        Notification n = outcome.row().notification();
        if (outcome.succeeded()) {
            latency.get(n.channel).get(n.purpose)
                    .record(Latencies.between(n.dueAt != null ? n.dueAt : n.createdAt, outcome.at()));
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
        if (n.purpose == Purpose.PATIENT_ACK) {
            return null;
        }
        if (n.purpose == Purpose.PATIENT_NO_ANSWER) {
            return alert.status == Status.EXHAUSTED ? null : "somebody answered meanwhile";
        }
        if (alert.status == Status.ACKNOWLEDGED) {
            return "the alert was acknowledged by " + alert.acknowledger();
        }
        return null;
    }

    private Page page(Notification n, Alert alert, AckLink link) {
        String ackUrl = link == null ? null : addresses.acknowledge(link);
        String consoleUrl = addresses.console(alert.id);
        return new Page(n.alertId, n.id, n.purpose, n.recipientName, n.address, alert.disposition.name(), alert.dayPostInfusion,
                alert.phase.name(), alert.product, alert.summary, alert.firedRules, alert.patientPhone, alert.centerPhone,
                n.level, ackUrl, consoleUrl, alert.status.name(), alert.acknowledger(),
                n.purpose.toPatient() ? PatientMessages.of(alert) : null);
    }

    private static String who(Notification n) {
        return n.recipientName != null ? n.recipientName : n.address;
    }
}
