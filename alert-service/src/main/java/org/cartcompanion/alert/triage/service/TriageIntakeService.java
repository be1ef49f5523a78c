package org.cartcompanion.alert.triage.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.alert.Alert;
import org.cartcompanion.alert.alert.TimelineEntry;
import org.cartcompanion.alert.alert.TimelineType;
import org.cartcompanion.alert.alert.repository.AlertRepository;
import org.cartcompanion.alert.alert.repository.TimelineRepository;
import org.cartcompanion.alert.escalation.engine.EscalationEngine;
import org.cartcompanion.alert.escalation.engine.EscalationState;
import org.cartcompanion.alert.escalation.service.EscalationPoller;
import org.cartcompanion.alert.notification.webhook.AlertEvent;
import org.cartcompanion.alert.notification.webhook.WebhookDispatcher;
import org.cartcompanion.alert.notification.webhook.WebhookEvents;
import org.cartcompanion.alert.policy.PolicySnapshot;
import org.cartcompanion.alert.policy.service.PolicyService;
import org.cartcompanion.alert.triage.TriageEvent;
import org.cartcompanion.alert.triage.TriageEventReceipt;
import org.cartcompanion.alert.triage.TriageEventRequest;
import org.cartcompanion.alert.triage.repository.TriageEventRepository;
import org.cartcompanion.support.problem.UniqueViolation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Stores each triage event once, however often it is delivered, and in the same transaction opens the patient's alert (the
 * center's policy copied onto it) or appends to the one already open. Who is paged is decided by the escalation poller, woken
 * right after the commit; nothing here waits on another service.
 */
@ApplicationScoped
public class TriageIntakeService {

    private final TriageEventRepository events;
    private final AlertRepository alerts;
    private final TimelineRepository timeline;
    private final PolicyService policies;
    private final EscalationPoller poller;
    private final WebhookEvents webhooks;
    private final WebhookDispatcher webhookDispatcher;
    private final Clock clock;
    private final EscalationEngine engine = new EscalationEngine();

    public TriageIntakeService(TriageEventRepository events, AlertRepository alerts, TimelineRepository timeline,
            PolicyService policies, EscalationPoller poller, WebhookEvents webhooks, WebhookDispatcher webhookDispatcher,
            Clock clock) {
        this.events = events;
        this.alerts = alerts;
        this.timeline = timeline;
        this.policies = policies;
        this.poller = poller;
        this.webhooks = webhooks;
        this.webhookDispatcher = webhookDispatcher;
        this.clock = clock;
    }

    public Uni<TriageEventReceipt> receive(TriageEventRequest request) {
        return Uni.createFrom().deferred(() -> store(request))
                // Another replica opened the patient's alert at the same instant: ours now appends to it.
                .onFailure(UniqueViolation::in).retry().atMost(2)
                .invoke(receipt -> {
                    poller.kick();
                    webhookDispatcher.kick();
                });
    }

    private Uni<TriageEventReceipt> store(TriageEventRequest request) {
        return Panache.withTransaction(() -> events.findById(request.eventId()).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(new TriageEventReceipt(existing.eventId, existing.patientId, existing.receivedAt));
            }
            Instant now = clock.instant();
            TriageEvent event = toEvent(request, now);
            return alerts.lockOpenForPatient(request.patientId())
                    .flatMap(open -> open != null ? append(open, event, request, now) : open(event, request, now))
                    .flatMap(alert -> {
                        event.alertId = alert.id;
                        return events.persist(event);
                    })
                    .call(saved -> events.flush())
                    .map(saved -> new TriageEventReceipt(saved.eventId, saved.patientId, saved.receivedAt));
        }));
    }

    private Uni<Alert> open(TriageEvent event, TriageEventRequest request, Instant now) {
        return policies.current(request.centerId()).flatMap(policy -> {
            Alert alert = new Alert();
            alert.id = UUID.randomUUID();
            alert.patientId = request.patientId();
            alert.centerId = request.centerId();
            alert.policy = PolicySnapshot.of(policy.document());
            alert.policyVersion = policy.version();
            alert.openedAt = now;
            alert.language = request.language() == null ? "en" : request.language();
            context(alert, request, now);
            alert.apply(EscalationState.opened(request.disposition()), now);
            Log.infof("Alert %s opened for patient %s: %s", alert.id, alert.patientId, alert.disposition);
            return alerts.persist(alert)
                    .call(saved -> timeline.persist(TimelineEntry.of(saved.id, now, TimelineType.OPENED,
                            "Opened by a " + request.disposition() + " check-in (" + String.join(", ", request.firedRules())
                                    + "); escalation policy " + (policy.isDefault() ? "default"
                                            : "version " + policy.version())
                                    + " copied")))
                    .call(saved -> webhooks.queue(saved, AlertEvent.ALERT_OPENED, now));
        });
    }

    private Uni<Alert> append(Alert alert, TriageEvent event, TriageEventRequest request, Instant now) {
        EscalationState before = alert.state();
        EscalationState after = engine.append(before, request.disposition());
        context(alert, request, now);
        // Not worse: the state and timers are unchanged. Worse: the poller re-notifies at once.
        alert.apply(after, now);
        Log.infof("Event appended to alert %s: %s", alert.id, request.disposition());
        return timeline.persist(TimelineEntry.of(alert.id, now, TimelineType.EVENT_APPENDED,
                "A " + request.disposition() + " check-in (" + String.join(", ", request.firedRules()) + ") appended"
                        + (after.raisedFrom() != null ? "; the disposition rises" : "")))
                .replaceWith(alert);
    }

    /** The latest check-in's context, shown on pages and in the console. */
    private static void context(Alert alert, TriageEventRequest request, Instant now) {
        alert.dayPostInfusion = request.dayPostInfusion();
        alert.phase = request.phase();
        alert.summary = request.summary();
        alert.firedRules = request.firedRules();
        alert.lastEventAt = now;
        if (request.product() != null) {
            alert.product = request.product();
        }
        if (request.patientPhone() != null) {
            alert.patientPhone = request.patientPhone();
        }
        if (request.language() != null) {
            alert.language = request.language();
        }
        if (request.centerPhone() != null) {
            alert.centerPhone = request.centerPhone();
        }
        if (request.timeZone() != null && ZoneId.getAvailableZoneIds().contains(request.timeZone())) {
            alert.timeZone = request.timeZone();
        }
    }

    private static TriageEvent toEvent(TriageEventRequest request, Instant now) {
        TriageEvent event = new TriageEvent();
        event.eventId = request.eventId();
        event.patientId = request.patientId();
        event.centerId = request.centerId();
        event.checkInId = request.checkInId();
        event.disposition = request.disposition();
        event.firedRules = request.firedRules();
        event.dayPostInfusion = request.dayPostInfusion();
        event.phase = request.phase();
        event.summary = request.summary();
        event.occurredAt = request.occurredAt().toInstant();
        event.receivedAt = now;
        return event;
    }
}
