package org.cartcompanion.alert.escalation.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.access.client.EscalationTargets;
import org.cartcompanion.alert.access.client.Recipient;
import org.cartcompanion.alert.access.client.Routing;
import org.cartcompanion.alert.alert.Alert;
import org.cartcompanion.alert.alert.TimelineEntry;
import org.cartcompanion.alert.alert.repository.AlertRepository;
import org.cartcompanion.alert.alert.repository.TimelineRepository;
import org.cartcompanion.alert.escalation.config.AlertConfig;
import org.cartcompanion.alert.escalation.engine.EscalationEngine;
import org.cartcompanion.alert.escalation.engine.Note;
import org.cartcompanion.alert.escalation.engine.Notice;
import org.cartcompanion.alert.escalation.engine.Policy;
import org.cartcompanion.alert.escalation.engine.Purpose;
import org.cartcompanion.alert.escalation.engine.Responsible;
import org.cartcompanion.alert.escalation.engine.Step;
import org.cartcompanion.alert.escalation.engine.Target;
import org.cartcompanion.alert.notification.AckLink;
import org.cartcompanion.alert.notification.Notification;
import org.cartcompanion.alert.notification.repository.AckLinkRepository;
import org.cartcompanion.alert.notification.repository.NotificationRepository;
import org.cartcompanion.alert.policy.service.PolicyService;
import org.cartcompanion.alert.support.Batches;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Applies escalation steps. For one due alert: lock it (skipping it if another poller has it), re-check that it is still due,
 * ask the engine, store the new state, write the timeline and queue the notifications, in one transaction. Who a target is
 * comes from care-team-service's routing, fetched before the transaction; while routing is unavailable the step waits a little,
 * then fires anyway with the fallback address paged in place of the people it cannot name.
 */
@ApplicationScoped
public class EscalationService {

    public static final String NOTIFICATION_QUEUED = "NOTIFICATION_QUEUED";
    public static final String NO_RECIPIENT = "NO_RECIPIENT";
    public static final String ROUTING_UNAVAILABLE = "ROUTING_UNAVAILABLE";

    private final AlertRepository alerts;
    private final TimelineRepository timeline;
    private final NotificationRepository notifications;
    private final AckLinkRepository links;
    private final PolicyService policies;
    private final AlertConfig config;
    private final EscalationEngine engine = new EscalationEngine();

    public EscalationService(AlertRepository alerts, TimelineRepository timeline, NotificationRepository notifications,
            AckLinkRepository links, PolicyService policies, AlertConfig config) {
        this.alerts = alerts;
        this.timeline = timeline;
        this.notifications = notifications;
        this.links = links;
        this.policies = policies;
        this.config = config;
    }

    /** What a step found out: whether it queued notifications (the dispatcher is woken) and whether it ran at all. */
    public record Applied(boolean stepped, int queued) {
        static final Applied SKIPPED = new Applied(false, 0);
    }

    /** Takes the step of one due alert. Routing and the center's clinicians are fetched by the caller (may be absent). */
    public Uni<Applied> step(UUID alertId, Optional<Routing> routing, Optional<EscalationTargets> known, Instant now) {
        return Panache.withTransaction(() -> alerts.lockIfDue(alertId, now).flatMap(alert -> {
            if (alert == null) {
                return Uni.createFrom().item(Applied.SKIPPED);
            }
            Policy policy = policies.read(alert.policy).toPolicy();
            Responsible routed = routing.map(Routing::responsible).orElse(Responsible.CENTER);
            Step step = engine.due(policy, alert.state(), routed, now);
            // A policy naming clinicians directly keeps working without routing; tiers and teams need it.
            boolean needsRouting = step.notices().stream().flatMap(n -> n.targets().stream())
                    .anyMatch(t -> t.kind() != Target.Kind.CLINICIAN);
            List<TimelineEntry> entries = new ArrayList<>();
            if (needsRouting && routing.isEmpty()) {
                if (alert.routingWaitSince == null) {
                    alert.routingWaitSince = now;
                }
                if (now.isBefore(alert.routingWaitSince.plus(config.escalation().routingGrace()))) {
                    alert.nextStepAt = now.plus(config.escalation().routingRetry());
                    Log.warnf("Routing unavailable for alert %s; the step is retried shortly", alert.id);
                    return Uni.createFrom().item(new Applied(false, 0));
                }
                entries.add(TimelineEntry.of(alert.id, now, ROUTING_UNAVAILABLE, "care-team-service could not say who is "
                        + "on call for " + config.escalation().routingGrace().toSeconds()
                        + " s; the fallback address is paged in place of the people it would name"));
            }
            alert.routingWaitSince = null;
            routing.ifPresent(r -> {
                if (r.centerPhone() != null) {
                    alert.centerPhone = r.centerPhone();
                }
                if (r.fallbackEmail() != null) {
                    alert.fallbackEmail = r.fallbackEmail();
                }
            });
            alert.apply(step.next(), now);
            for (Note note : step.notes()) {
                entries.add(TimelineEntry.of(alert.id, now, note.type(), note.detail()));
            }
            List<Notification> queued = new ArrayList<>();
            List<AckLink> ackLinks = new ArrayList<>();
            for (Notice notice : step.notices()) {
                queue(alert, policy, notice, routing, known, now, queued, ackLinks, entries);
            }
            return Batches.persist(notifications, queued)
                    .flatMap(v -> Batches.persist(links, ackLinks))
                    .flatMap(v -> Batches.persist(timeline, entries))
                    .map(v -> new Applied(true, queued.size()));
        }));
    }

    private void queue(Alert alert, Policy policy, Notice notice, Optional<Routing> routing,
            Optional<EscalationTargets> known, Instant now, List<Notification> queued, List<AckLink> ackLinks,
            List<TimelineEntry> entries) {
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        boolean fallbackInstead = notice.purpose() == Purpose.FALLBACK;
        for (Target target : notice.targets()) {
            List<Recipient> found = resolve(target, routing, known);
            if (found.isEmpty()) {
                entries.add(TimelineEntry.of(alert.id, now, NO_RECIPIENT, target.code() + " names nobody "
                        + (routing.isPresent() ? "right now" : "(routing unavailable)")
                        + "; the fallback address is paged instead"));
                fallbackInstead = true;
            }
            for (Recipient r : found) {
                if (r.email() == null || r.email().isBlank()) {
                    entries.add(TimelineEntry.of(alert.id, now, NO_RECIPIENT,
                            r.name() + " has no email address; the fallback address is paged instead"));
                    fallbackInstead = true;
                } else {
                    recipients.putIfAbsent(r.email().toLowerCase(), r);
                }
            }
        }
        if (notice.toAcknowledger()) {
            if (alert.acknowledgerEmail != null) {
                recipients.putIfAbsent(alert.acknowledgerEmail.toLowerCase(), new Recipient(alert.acknowledgerId,
                        alert.acknowledgedByName, alert.acknowledgerEmail, null));
            } else if (alert.acknowledgedBy != null) {
                entries.add(TimelineEntry.of(alert.id, now, NO_RECIPIENT,
                        "No email address is known for " + alert.acknowledger() + "; the fallback address is paged"));
                fallbackInstead = true;
            }
        }
        if (fallbackInstead) {
            String fallback = fallbackAddress(alert, policy);
            if (fallback == null) {
                entries.add(TimelineEntry.of(alert.id, now, NO_RECIPIENT,
                        "No fallback address: neither the policy, the center nor the configuration names one"));
            } else {
                recipients.putIfAbsent(fallback.toLowerCase(), new Recipient(null, "Center fallback", fallback, null));
            }
        }
        for (Recipient r : recipients.values()) {
            Notification n = new Notification();
            n.id = UUID.randomUUID();
            n.alertId = alert.id;
            n.purpose = notice.purpose();
            n.level = notice.level();
            n.cycle = alert.cycle;
            n.channel = Notification.Channel.EMAIL;
            n.clinicianId = r.clinicianId();
            n.recipientName = r.name();
            n.address = r.email();
            n.status = Notification.DeliveryStatus.PENDING;
            n.attempts = 0;
            n.nextAttemptAt = now;
            n.createdAt = now;
            queued.add(n);
            if (n.purpose != Purpose.ACK_REMINDER) {
                AckLink link = new AckLink();
                link.id = UUID.randomUUID();
                link.alertId = alert.id;
                link.notificationId = n.id;
                link.clinicianId = r.clinicianId();
                link.recipientName = r.name();
                link.expiresAt = now.plus(config.links().ackLinkLifetime());
                ackLinks.add(link);
            }
            entries.add(TimelineEntry.of(alert.id, now, NOTIFICATION_QUEUED,
                    n.purpose + " by email to " + (r.name() == null ? r.email() : r.name())));
        }
    }

    /** The people a target names now, from care-team-service's routing answer. */
    static List<Recipient> resolve(Target target, Optional<Routing> routed, Optional<EscalationTargets> known) {
        if (target.kind() != Target.Kind.CLINICIAN && routed.isEmpty()) {
            return List.of();
        }
        return switch (target.kind()) {
        case ON_CALL_PRIMARY -> routed.get().onCall("PRIMARY");
        case ON_CALL_BACKUP -> routed.get().onCall("BACKUP");
        case CARE_TEAM -> routed.get().careTeamOrEmpty();
        case COMMUNITY_PHYSICIAN -> routed.get().communityPhysiciansOrEmpty();
        case CLINICIAN -> {
            List<Recipient> everyone = new ArrayList<>();
            routed.ifPresent(routing -> {
                everyone.addAll(routing.onCall("PRIMARY"));
                everyone.addAll(routing.onCall("BACKUP"));
                everyone.addAll(routing.careTeamOrEmpty());
                everyone.addAll(routing.communityPhysiciansOrEmpty());
            });
            known.ifPresent(k -> everyone.addAll(k.clinicians() == null ? List.of() : k.clinicians()));
            yield everyone.stream().filter(r -> target.clinicianId().equals(r.clinicianId())).limit(1).toList();
        }
        };
    }

    private String fallbackAddress(Alert alert, Policy policy) {
        if (policy.fallbackEmail() != null) {
            return policy.fallbackEmail();
        }
        if (alert.fallbackEmail != null) {
            return alert.fallbackEmail;
        }
        return config.escalation().defaultFallbackEmail().orElse(null);
    }
}
