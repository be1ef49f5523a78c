package org.cartcompanion.alert.escalation.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.access.client.ContactMethod;
import org.cartcompanion.alert.access.client.Recipient;
import org.cartcompanion.alert.alert.Alert;
import org.cartcompanion.alert.alert.Status;
import org.cartcompanion.alert.alert.TimelineEntry;
import org.cartcompanion.alert.alert.TimelineType;
import org.cartcompanion.alert.alert.repository.TimelineRepository;
import org.cartcompanion.alert.config.AlertConfig;
import org.cartcompanion.alert.escalation.engine.EscalationEngine;
import org.cartcompanion.alert.escalation.engine.Note;
import org.cartcompanion.alert.escalation.engine.Notice;
import org.cartcompanion.alert.escalation.engine.Policy;
import org.cartcompanion.alert.escalation.engine.Step;
import org.cartcompanion.alert.escalation.engine.Target;
import org.cartcompanion.alert.notification.AckLink;
import org.cartcompanion.alert.notification.Notification;
import org.cartcompanion.alert.notification.PatientText;
import org.cartcompanion.alert.notification.Purpose;
import org.cartcompanion.alert.notification.repository.AckLinkRepository;
import org.cartcompanion.alert.notification.repository.NotificationRepository;
import org.cartcompanion.alert.notification.repository.PatientTextRepository;
import org.cartcompanion.alert.notification.service.Channels;
import org.cartcompanion.alert.notification.webhook.AlertEvent;
import org.cartcompanion.alert.notification.webhook.WebhookEvents;
import org.cartcompanion.alert.support.Batches;
import org.cartcompanion.support.work.RetryPolicy;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Applies escalation steps. For one due alert: lock it (skipping it if another poller has it), re-check that it is still due,
 * ask the engine, store the new state, write the timeline and queue the notifications, in one transaction. Who a target is
 * comes from care-team-service's routing, fetched before the transaction, or from the stored directory when routing cannot
 * answer. A step that fails backs off on its own alert; after a few failures (or a minute) the fallback address is paged, so an
 * alert never waits in silence.
 */
@ApplicationScoped
public class EscalationService {

    private final TimelineRepository timeline;
    private final NotificationRepository notifications;
    private final AckLinkRepository links;
    private final PatientTextRepository texts;
    private final AlertConfig config;
    private final Channels channels;
    private final WebhookEvents webhooks;
    private final RetryPolicy retryPolicy;
    private final EscalationEngine engine = new EscalationEngine();

    public EscalationService(TimelineRepository timeline, NotificationRepository notifications,
            AckLinkRepository links, PatientTextRepository texts, AlertConfig config, Channels channels,
            WebhookEvents webhooks) {
        this.timeline = timeline;
        this.notifications = notifications;
        this.links = links;
        this.texts = texts;
        this.config = config;
        this.channels = channels;
        this.webhooks = webhooks;
        this.retryPolicy = new RetryPolicy(config.escalation().retryBase(), config.escalation().retryMax());
    }

    /** What a step found out: whether it queued notifications (the dispatcher is woken) and whether it ran at all. */
    public record Applied(boolean stepped, int queued) {
    }

    /**
     * Notifications, their acknowledge links and the timeline entries a step writes; {@code due} is when the step was due (the
     * triage event's intake for an alert's first pages), from which its pages' due times count.
     */
    private record Writes(Instant due, List<Notification> notifications, List<AckLink> links, List<TimelineEntry> entries,
            List<PatientText> texts) {
        Writes(Instant due) {
            this(due, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    /** Takes the step of one due alert, claimed by the caller, with whom the roster names (fetched before the claim). */
    public Uni<Applied> step(Alert alert, Roster roster, Instant now) {
        Policy policy = alert.policy.policy();
        Step step = engine.due(policy, alert.state(), roster.responsible(), now);
        // A policy naming clinicians directly keeps working without routing; tiers and teams need routing or the store.
        boolean needsTheCenter = step.notices().stream().flatMap(n -> n.targets().stream())
                .anyMatch(t -> t.kind() != Target.Kind.CLINICIAN);
        Writes writes = new Writes(alert.stepDue(now));
        if (needsTheCenter && !roster.namesTheCenter()) {
            if (!nobodyNamedForTooLong(alert, now, writes)) {
                return Batches.persist(timeline, writes.entries()).map(v -> new Applied(false, 0));
            }
        } else if (needsTheCenter && roster.fromStore()) {
            writes.entries()
                    .add(TimelineEntry.of(alert.id, now, TimelineType.STORED_DIRECTORY_USED, "care-team-service could not "
                            + "answer; the center's on-call stored by this service names who is paged"));
        }
        alert.stepTaken();
        roster.centerPhone().ifPresent(phone -> alert.centerPhone = phone);
        roster.hotline().ifPresent(hotline -> alert.fallbackEmail = hotline);
        boolean exhausts = step.next().status() == Status.EXHAUSTED && alert.status != Status.EXHAUSTED;
        if (exhausts) {
            // Nobody answered: the patient and caregivers are told what to do now, once per run of no answer.
            writes.texts().add(PatientText.of(alert.id, Purpose.PATIENT_NO_ANSWER, now));
        }
        // Escalated: a level paged after the chain had started (the next level, or the chain again).
        boolean escalates = alert.level > 0 && step.notes().stream().anyMatch(n -> n.type() == TimelineType.LEVEL_PAGED
                || n.type() == TimelineType.CHAIN_REPEATED);
        alert.apply(step.next(), now);
        for (Note note : step.notes()) {
            writes.entries().add(TimelineEntry.of(alert.id, now, note.type(), note.detail()));
        }
        for (Notice notice : step.notices()) {
            queue(alert, Optional.of(policy), notice, roster, now, writes);
        }
        return persist(writes)
                .call(() -> exhausts ? webhooks.queue(alert, AlertEvent.ALERT_EXHAUSTED, now) : Uni.createFrom().voidItem())
                .call(() -> escalates ? webhooks.queue(alert, AlertEvent.ALERT_ESCALATED, now) : Uni.createFrom().voidItem())
                .map(v -> new Applied(true, writes.notifications().size()));
    }

    /**
     * Nobody can be named (routing did not answer and the center was never stored). The first attempts back off on this alert;
     * once they have failed long enough the step goes on with the fallback paged in place of the people it would name. Answers
     * whether the step goes on.
     */
    private boolean nobodyNamedForTooLong(Alert alert, Instant now, Writes writes) {
        String why = "care-team-service could not say who is on call and this service has no stored directory of the center";
        alert.stepFailed(now, why, retryDelay(alert.stepAttempts + 1));
        if (!alert.failingTooLong(now, config.escalation().fallbackAfterAttempts(), config.escalation().fallbackAfter())) {
            if (alert.stepAttempts == 1) {
                writes.entries().add(
                        TimelineEntry.of(alert.id, now, TimelineType.STEP_RETRYING, why + "; the step is retried shortly"));
            }
            Log.warnf("Nobody can be named for alert %s (attempt %d); the step is retried", alert.id, alert.stepAttempts);
            return false;
        }
        writes.entries()
                .add(TimelineEntry.of(alert.id, now, TimelineType.ROUTING_UNAVAILABLE, why + " after " + alert.stepAttempts
                        + " attempts over " + Duration.between(alert.stepFailingSince, now).toSeconds()
                        + " s; the fallback address is paged in place of the people it would name"));
        return true;
    }

    /**
     * A step that failed with an error, already counted on the claimed alert's ledger and retried after its backoff, other
     * alerts unaffected. Once it has failed long enough the fallback address is paged (once per run of failures) while the step
     * keeps being retried.
     */
    public Uni<Applied> failed(Alert alert, Throwable error, Instant now) {
        String why = "the escalation step failed (" + error.getClass().getSimpleName() + ")";
        // Clinicians read the step's error in overdue reports: the kind of failure, not a stack of technical detail.
        alert.stepError = why;
        Writes writes = new Writes(now);
        if (alert.stepAttempts == 1) {
            writes.entries().add(TimelineEntry.of(alert.id, now, TimelineType.STEP_FAILED, why + "; it is retried"));
        }
        if (alert.failureFallbackAt == null && alert.failingTooLong(now, config.escalation().fallbackAfterAttempts(),
                config.escalation().fallbackAfter())) {
            alert.failureFallbackAt = now;
            writes.entries().add(TimelineEntry.of(alert.id, now, TimelineType.FALLBACK_PAGED, "The step has failed "
                    + alert.stepAttempts + " times over " + Duration.between(alert.stepFailingSince, now).toSeconds()
                    + " s; the fallback address is paged while it is retried"));
            queue(alert, readable(alert), new Notice(Purpose.FALLBACK, Math.max(alert.level, 1), List.of(), false),
                    new Roster(Optional.empty(), Optional.empty(), Optional.empty()), now, writes);
        }
        return persist(writes).map(v -> new Applied(false, writes.notifications().size()));
    }

    /** How long a failing step waits before its next attempt. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    private Duration retryDelay(int attempts) {
        return retryPolicy.after(attempts);
    }

    /** Whether the alert's policy names a clinician directly; false when it cannot be read (its step fails anyway). */
    public boolean namesClinicians(Alert alert) {
        return readable(alert).map(Policy::namesClinicians).orElse(false);
    }

    /** The alert's policy, or empty when it cannot be read (the step failing may be why). */
    private Optional<Policy> readable(Alert alert) {
        try {
            return Optional.of(alert.policy.policy());
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private Uni<Void> persist(Writes writes) {
        return Batches.persist(notifications, writes.notifications())
                .flatMap(v -> Batches.persist(links, writes.links()))
                .flatMap(v -> Batches.persist(texts, writes.texts()))
                .flatMap(v -> Batches.persist(timeline, writes.entries()));
    }

    /**
     * The notifications, acknowledge links and timeline entries that page whom {@link Recipients} names for a notice: one
     * notification per contact method of each recipient, due its delay from now, each address once. A method on a channel this
     * deployment cannot send (SMS or voice not configured) is left out; a recipient left with nothing that fires at once is
     * also paged by email at once (their own, else the fallback address).
     */
    private void queue(Alert alert, Optional<Policy> policy, Notice notice, Roster roster, Instant now, Writes writes) {
        Recipients.Paging paging = Recipients.resolve(notice, roster, acknowledger(alert),
                () -> fallbackAddress(alert, policy));
        for (String gap : paging.gaps()) {
            writes.entries().add(TimelineEntry.of(alert.id, now, TimelineType.NO_RECIPIENT, gap));
        }
        Set<String> addressed = new HashSet<>();
        for (Recipient r : paging.recipients()) {
            String who = r.name() == null ? r.email() : r.name();
            List<ContactMethod> methods = new ArrayList<>();
            List<String> unsendable = new ArrayList<>();
            for (ContactMethod m : r.methods()) {
                Optional<Notification.Channel> channel = channel(m);
                if (channel.isPresent() && channels.sends(channel.get())) {
                    methods.add(m);
                } else {
                    unsendable.add(m.type());
                }
            }
            // Something goes at once: a method left to fire only after a delay would let the level time out unheard.
            boolean atOnce = methods.stream().anyMatch(m -> m.delay().isZero());
            boolean hasEmail = r.email() != null && !r.email().isBlank();
            if (!atOnce && hasEmail) {
                methods.add(0, ContactMethod.email(r.email()));
            }
            boolean pageFallback = !atOnce && !hasEmail;
            if (!unsendable.isEmpty() || !atOnce) {
                writes.entries().add(TimelineEntry.of(alert.id, now, TimelineType.NO_RECIPIENT, who + ": "
                        + (unsendable.isEmpty() ? "nothing fires at once"
                                : String.join(", ", unsendable) + " cannot be sent by this deployment")
                        + (pageFallback ? "; the fallback address is paged at once besides"
                                : !atOnce ? "; their email is paged at once besides" : "; their other methods are used")));
            }
            for (ContactMethod m : methods) {
                queue(alert, notice, r, who, m, now, addressed, writes);
            }
            if (pageFallback) {
                String fallback = fallbackAddress(alert, policy);
                queue(alert, notice, new Recipient(null, "Center fallback", fallback, null), "Center fallback",
                        ContactMethod.email(fallback), now, addressed, writes);
            }
        }
    }

    /** One notification of the notice to one person by one method (each channel and address once per notice). */
    private void queue(Alert alert, Notice notice, Recipient to, String who, ContactMethod m, Instant now,
            Set<String> addressed, Writes writes) {
        Notification.Channel channel = channel(m).orElseThrow();
        if (!addressed.add(channel + ":" + m.address().toLowerCase())) {
            return;
        }
        Notification n = notification(alert, notice, to, channel, m, now, writes.due());
        writes.notifications().add(n);
        if (n.purpose != Purpose.ACK_REMINDER && channel == Notification.Channel.EMAIL) {
            writes.links().add(link(n, now));
        }
        writes.entries().add(TimelineEntry.of(alert.id, now, TimelineType.NOTIFICATION_QUEUED, n.purpose + " by "
                + channel.name().toLowerCase() + " to " + who + (m.delay().isZero() ? ""
                        : " in " + m.delay().toSeconds() + " s unless acknowledged first")));
    }

    private static Optional<Notification.Channel> channel(ContactMethod m) {
        for (Notification.Channel c : Notification.Channel.values()) {
            if (c.name().equals(m.type())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static Notification notification(Alert alert, Notice notice, Recipient to, Notification.Channel channel,
            ContactMethod method, Instant now, Instant due) {
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.alertId = alert.id;
        n.purpose = notice.purpose();
        n.level = notice.level();
        n.cycle = alert.cycle;
        n.channel = channel;
        n.clinicianId = to.clinicianId();
        n.recipientName = to.name();
        n.address = method.address();
        n.status = Notification.DeliveryStatus.PENDING;
        n.attempts = 0;
        n.nextAttemptAt = now.plus(method.delay());
        n.dueAt = due.plus(method.delay());
        n.createdAt = now;
        return n;
    }

    private AckLink link(Notification n, Instant now) {
        AckLink link = new AckLink();
        link.id = UUID.randomUUID();
        link.alertId = n.alertId;
        link.notificationId = n.id;
        link.clinicianId = n.clinicianId;
        link.recipientName = n.recipientName;
        link.expiresAt = now.plus(config.links().ackLinkLifetime());
        return link;
    }

    private static Recipients.Acknowledger acknowledger(Alert alert) {
        if (alert.acknowledgerEmail != null) {
            return new Recipients.Acknowledger(new Recipient(alert.acknowledgerId, alert.acknowledgedByName,
                    alert.acknowledgerEmail, null), alert.acknowledger());
        }
        return alert.acknowledgedBy == null ? null : new Recipients.Acknowledger(null, alert.acknowledger());
    }

    /** The policy's fallback, else the center's hotline (routing or the stored directory), else the deployment's (required). */
    private String fallbackAddress(Alert alert, Optional<Policy> policy) {
        return policy.map(Policy::fallbackEmail)
                .or(() -> Optional.ofNullable(alert.fallbackEmail))
                .orElse(config.escalation().defaultFallbackEmail());
    }
}
