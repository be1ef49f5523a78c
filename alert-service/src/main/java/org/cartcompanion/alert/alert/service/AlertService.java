package org.cartcompanion.alert.alert.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.access.client.Directory;
import org.cartcompanion.alert.access.client.Recipient;
import org.cartcompanion.alert.alert.Alert;
import org.cartcompanion.alert.alert.Outcome;
import org.cartcompanion.alert.alert.Status;
import org.cartcompanion.alert.alert.TimelineEntry;
import org.cartcompanion.alert.alert.TimelineType;
import org.cartcompanion.alert.alert.repository.AlertRepository;
import org.cartcompanion.alert.alert.repository.AlertRepository.AlertQuery;
import org.cartcompanion.alert.alert.repository.TimelineRepository;
import org.cartcompanion.alert.escalation.engine.EscalationEngine;
import org.cartcompanion.alert.escalation.engine.Note;
import org.cartcompanion.alert.escalation.engine.Step;
import org.cartcompanion.alert.notification.Notification;
import org.cartcompanion.alert.notification.PatientText;
import org.cartcompanion.alert.notification.Purpose;
import org.cartcompanion.alert.notification.repository.NotificationRepository;
import org.cartcompanion.alert.notification.repository.PatientTextRepository;
import org.cartcompanion.alert.notification.service.PatientTexts;
import org.cartcompanion.alert.notification.webhook.AlertEvent;
import org.cartcompanion.alert.notification.webhook.WebhookDispatcher;
import org.cartcompanion.alert.notification.webhook.WebhookEvents;
import org.cartcompanion.alert.support.Batches;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.CenterAuthority;
import org.cartcompanion.support.security.Memberships;
import org.cartcompanion.support.security.Roles;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** Reading, acknowledging and resolving alerts, for the people allowed to. */
@ApplicationScoped
public class AlertService {

    /** An alert as one caller may see it: with the timeline for clinicians, with the phone's message for patients. */
    public record View(Alert alert, List<TimelineEntry> timeline, String patientMessage, List<Notification> deliveries) {

        View(Alert alert, List<TimelineEntry> timeline, String patientMessage) {
            this(alert, timeline, patientMessage, null);
        }
    }

    /** Who acknowledges or resolves: their subject, and what care-team-service knows of them. */
    public record Actor(String subject, UUID clinicianId, String name, String email) {

        String display() {
            return name != null ? name : subject;
        }
    }

    private final AlertRepository alerts;
    private final TimelineRepository timeline;
    private final NotificationRepository notifications;
    private final AlertAccess access;
    private final Directory directory;
    private final PatientTextRepository textRows;
    private final PatientTexts patientTexts;
    private final WebhookEvents webhooks;
    private final WebhookDispatcher webhookDispatcher;
    private final Clock clock;
    private final EscalationEngine engine = new EscalationEngine();

    public AlertService(AlertRepository alerts, TimelineRepository timeline, NotificationRepository notifications,
            AlertAccess access, Directory directory, PatientTextRepository textRows, PatientTexts patientTexts,
            WebhookEvents webhooks, WebhookDispatcher webhookDispatcher, Clock clock) {
        this.alerts = alerts;
        this.timeline = timeline;
        this.notifications = notifications;
        this.access = access;
        this.directory = directory;
        this.textRows = textRows;
        this.patientTexts = patientTexts;
        this.webhooks = webhooks;
        this.webhookDispatcher = webhookDispatcher;
        this.clock = clock;
    }

    public Uni<View> get(UUID id, Caller caller) {
        return Panache.withSession(() -> alerts.findById(id)).flatMap(alert -> {
            if (alert == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Alert"));
            }
            return access.grant(alert, caller).flatMap(grant -> switch (grant) {
            case CLINICAL -> Panache.withSession(() -> timeline.forAlert(alert.id)
                    .flatMap(t -> notifications.forAlert(alert.id).map(n -> new View(alert, t, null, n))));
            case STATUS -> Uni.createFrom().item(new View(alert, null, PatientMessages.of(alert)));
            case NONE -> Uni.createFrom().failure(ProblemException.notFound("Alert"));
            });
        });
    }

    /**
     * A page of alerts, newest first. Staff see their centers' alerts (and any routed to them); a community physician the
     * alerts routed to them and, with {@code patientId}, those of a patient whose care team names them; a patient or caregiver
     * the status of their own or linked patients' alerts.
     */
    public Uni<List<View>> list(Caller caller, UUID patientId, UUID centerId, Status status, Instant beforeOpenedAt,
            UUID beforeId, int limit) {
        if (AlertAccess.isClinical(caller)) {
            return directory.memberships(caller.subject()).flatMap(m -> clinicalList(caller, m, patientId, centerId, status,
                    beforeOpenedAt, beforeId, limit));
        }
        return directory.patientsOf(caller.subject()).flatMap(mine -> {
            if (patientId != null && !mine.includes(patientId)) {
                return Uni.createFrom().failure(ProblemException.notFound("Patient"));
            }
            List<UUID> patients = patientId != null ? List.of(patientId) : mine.patientIds();
            List<UUID> centers = centerId == null ? null : List.of(centerId);
            AlertQuery query = AlertQuery.page(status, beforeOpenedAt, beforeId, limit).centers(centers).patients(patients);
            return Panache.withSession(() -> alerts.page(query))
                    .map(page -> page.stream().map(a -> new View(a, null, PatientMessages.of(a))).toList());
        });
    }

    private Uni<List<View>> clinicalList(Caller caller, Memberships m, UUID patientId, UUID centerId, Status status,
            Instant beforeOpenedAt, UUID beforeId, int limit) {
        boolean staffRole = caller.has(Roles.CLINICIAN) || caller.has(Roles.COORDINATOR);
        List<UUID> staffCenters = staffRole ? m.staffCenters() : List.of();
        if (centerId != null && !staffCenters.contains(centerId)) {
            return Uni.createFrom().failure(ProblemException.notFound("Center"));
        }
        List<UUID> centers = centerId != null ? List.of(centerId) : staffCenters;
        List<UUID> routedTo = m.clinicianId() == null ? List.of() : List.of(m.clinicianId());
        AlertQuery all = AlertQuery.page(status, beforeOpenedAt, beforeId, limit);
        Uni<List<Alert>> page;
        if (patientId != null && caller.has(Roles.COMMUNITY_PHYSICIAN) && centerId == null) {
            // The community physician the care team names sees all of the patient's alerts; otherwise as staff.
            AlertQuery ofPatient = all.patients(List.of(patientId));
            page = directory.careTeam(patientId).flatMap(team -> Panache.withSession(() -> alerts.page(
                    team.names(m.clinicianId()) ? ofPatient : ofPatient.centers(centers).routed(routedTo, m.knownAt()))));
        } else {
            AlertQuery query = all.centers(centers).patients(patientId == null ? null : List.of(patientId))
                    .routed(centerId == null ? routedTo : null, m.knownAt());
            page = Panache.withSession(() -> alerts.page(query));
        }
        return page.map(list -> list.stream().map(a -> new View(a, List.of(), null)).toList());
    }

    public Uni<View> acknowledge(UUID id, Caller caller) {
        return authorizeAction(id, caller).flatMap(actor -> acknowledge(id, actor, "the console or API"));
    }

    /** Acknowledges for an actor already authorized (API caller or acknowledge link); idempotent. */
    public Uni<View> acknowledge(UUID id, Actor actor, String via) {
        return Panache.withTransaction(() -> alerts.lock(id).flatMap(alert -> {
            // Read after the lock: sends in flight finish first, so the acknowledgement is later than every page sent.
            Instant now = clock.instant();
            if (alert == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Alert"));
            }
            if (alert.status == Status.RESOLVED) {
                return Uni.createFrom().failure(ProblemException.conflict("The alert is already resolved."));
            }
            if (alert.status == Status.ACKNOWLEDGED) {
                return timeline.forAlert(alert.id).map(t -> new View(alert, t, null));
            }
            Step step = engine.acknowledge(alert.policy.policy(), alert.state(), now, actor.display());
            alert.apply(step.next(), now);
            alert.answered();
            recordAcknowledger(alert, actor, now);
            Log.infof("Alert %s acknowledged via %s", alert.id, via);
            return persistNotes(alert.id, now, step, " (via " + via + ")")
                    .flatMap(v -> cancelUnsent(alert, now, "the alert was acknowledged by " + actor.display()))
                    .flatMap(v -> textRows.persist(PatientText.of(alert.id, Purpose.PATIENT_ACK, now)))
                    .flatMap(v -> webhooks.queue(alert, AlertEvent.ALERT_ACKNOWLEDGED, now))
                    .flatMap(v -> timeline.forAlert(alert.id)).map(t -> new View(alert, t, null));
        })).invoke(v -> {
            patientTexts.kick();
            webhookDispatcher.kick();
        });
    }

    public Uni<View> resolve(UUID id, String outcomeCode, String note, Caller caller) {
        Outcome outcome = outcome(outcomeCode);
        if (note != null && note.length() > 2000) {
            return Uni.createFrom().failure(ProblemException.badRequest("note is longer than 2000 characters."));
        }
        Set<String> groups = Set.copyOf(caller.roles());
        String subject = caller.subject();
        return authorizeAction(id, caller).call(actor -> mayResolve(id, subject, groups)).flatMap(actor -> {
            return Panache.withTransaction(() -> alerts.lock(id).flatMap(alert -> {
                Instant now = clock.instant();
                if (alert.status == Status.RESOLVED) {
                    return Uni.createFrom().failure(ProblemException.conflict("The alert is already resolved."));
                }
                Step step = engine.resolve(alert.state(), actor.display(), outcome.name());
                alert.apply(step.next(), now);
                alert.answered();
                if (alert.acknowledgedAt == null) {
                    recordAcknowledger(alert, actor, now);
                }
                alert.resolvedAt = now;
                alert.resolvedBy = actor.subject();
                alert.outcome = outcome;
                alert.resolutionNote = note;
                Log.infof("Alert %s resolved: %s", alert.id, outcome);
                return persistNotes(alert.id, now, step, "")
                        .flatMap(v -> webhooks.queue(alert, AlertEvent.ALERT_RESOLVED, now))
                        .flatMap(v -> timeline.forAlert(alert.id)).map(t -> new View(alert, t, null));
            })).invoke(v -> webhookDispatcher.kick());
        });
    }

    /**
     * Resolving closes the alert with an outcome: the center's staff need a clinician's or coordinator's role both in the token
     * and carried by their membership there (authority is per center); anyone else who may act on the alert (a community
     * physician it was routed to) resolves as before. 403 names the role.
     */
    private Uni<Void> mayResolve(UUID id, String subject, Set<String> groups) {
        return Panache.withSession(() -> alerts.findById(id)).flatMap(alert -> directory.memberships(subject).map(m -> {
            String role = m.roleAt(alert.centerId);
            if (role != null && !"COMMUNITY_PHYSICIAN".equals(role)
                    && !CenterAuthority.mayActAs(groups, role, Roles.CLINICIAN, Roles.COORDINATOR)) {
                throw ProblemException.forbidden("Your role at this center (" + role + ") may not perform this action.");
            }
            return null;
        }));
    }

    private static void recordAcknowledger(Alert alert, Actor actor, Instant now) {
        alert.acknowledgedAt = now;
        alert.acknowledgedBy = actor.subject();
        alert.acknowledgedByName = actor.name();
        alert.acknowledgerId = actor.clinicianId();
        alert.acknowledgerEmail = actor.email();
    }

    /** The caller may act on the alert (404 otherwise), and who they are for the timeline and reminders. */
    private Uni<Actor> authorizeAction(UUID id, Caller caller) {
        return Panache.withSession(() -> alerts.findById(id)).flatMap(alert -> {
            if (alert == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Alert"));
            }
            return access.grant(alert, caller).flatMap(grant -> {
                if (grant != AlertAccess.Grant.CLINICAL) {
                    return Uni.createFrom().failure(ProblemException.notFound("Alert"));
                }
                return directory.memberships(caller.subject()).flatMap(m -> actor(alert, caller.subject(), m.clinicianId()));
            });
        });
    }

    /**
     * Acknowledges as the clinician a page reached (an SMS reply with its code, a key pressed on its call): their name and
     * email from the pages they received or care-team-service, as for a signed-in clinician; idempotent.
     */
    public Uni<View> acknowledgeAsPaged(UUID id, UUID clinicianId, String name, String subject, String via) {
        return Panache.withSession(() -> alerts.findById(id)).flatMap(alert -> {
            if (alert == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Alert"));
            }
            return actor(alert, subject, clinicianId)
                    .map(a -> new Actor(a.subject(), a.clinicianId(), a.name() == null ? name : a.name(), a.email()));
        }).flatMap(actor -> acknowledge(id, actor, via));
    }

    /** Name and email from what care-team-service knows of the clinician, or from the pages they received. */
    private Uni<Actor> actor(Alert alert, String subject, UUID clinicianId) {
        if (clinicianId == null) {
            return Uni.createFrom().item(new Actor(subject, null, null, null));
        }
        return Panache.withSession(() -> notifications.forAlert(alert.id)).flatMap(sent -> {
            // Their email, for the reminder: from an email page they received (an SMS or call was to their phone).
            for (Notification n : sent) {
                if (clinicianId.equals(n.clinicianId) && n.channel == Notification.Channel.EMAIL) {
                    return Uni.createFrom().item(new Actor(subject, clinicianId, n.recipientName, n.address));
                }
            }
            return directory.knownClinicians(alert.centerId)
                    .map(known -> {
                        for (Recipient r : known.clinicians() == null ? List.<Recipient> of() : known.clinicians()) {
                            if (clinicianId.equals(r.clinicianId())) {
                                return new Actor(subject, clinicianId, r.name(), r.email());
                            }
                        }
                        return new Actor(subject, clinicianId, null, null);
                    })
                    .onFailure().recoverWithItem(new Actor(subject, clinicianId, null, null));
        });
    }

    /**
     * The pages not sent yet that ask for an acknowledgement (a method's delay still running, a retry waiting) are cancelled at
     * once, one timeline entry for them all. Rows a dispatcher holds right now are left to it: it waits for this transaction
     * and cancels them itself.
     */
    private Uni<Void> cancelUnsent(Alert alert, Instant now, String why) {
        return notifications.cancelUnsent(alert.id).flatMap(cancelled -> cancelled.isEmpty() ? Uni.createFrom().voidItem()
                : timeline.persist(TimelineEntry.of(alert.id, now, TimelineType.NOTIFICATION_CANCELLED,
                        cancelled.size() + (cancelled.size() == 1 ? " page" : " pages") + " not sent yet cancelled ("
                                + String.join(", ", cancelled) + "): " + why))
                        .replaceWithVoid());
    }

    private Uni<Void> persistNotes(UUID alertId, Instant now, Step step, String suffix) {
        return Batches.persist(timeline, step.notes().stream()
                .map((Note n) -> TimelineEntry.of(alertId, now, n.type(), n.detail() + suffix)).toList());
    }

    static Outcome outcome(String code) {
        if (code == null || code.isBlank()) {
            throw ProblemException.badRequest("outcome is required: one of " + Arrays.toString(Outcome.values()) + ".");
        }
        try {
            return Outcome.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("outcome '" + code + "' is not one of " + Arrays.toString(Outcome.values())
                    + ".");
        }
    }
}
