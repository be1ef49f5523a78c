package org.cartcompanion.alert.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.cartcompanion.alert.access.client.Directory;
import org.cartcompanion.alert.access.client.PatientPhones;
import org.cartcompanion.alert.alert.Alert;
import org.cartcompanion.alert.alert.Status;
import org.cartcompanion.alert.alert.TimelineEntry;
import org.cartcompanion.alert.alert.TimelineType;
import org.cartcompanion.alert.alert.repository.AlertRepository;
import org.cartcompanion.alert.alert.repository.TimelineRepository;
import org.cartcompanion.alert.notification.Notification;
import org.cartcompanion.alert.notification.PatientText;
import org.cartcompanion.alert.notification.Purpose;
import org.cartcompanion.alert.notification.repository.NotificationRepository;
import org.cartcompanion.alert.notification.repository.PatientTextRepository;
import org.cartcompanion.alert.support.Batches;
import org.cartcompanion.support.work.Attempted;
import org.cartcompanion.support.work.DurableJob;
import org.cartcompanion.support.work.Outcome;
import org.cartcompanion.support.work.RetryPolicy;
import org.cartcompanion.support.work.WorkLoop;
import org.cartcompanion.support.work.WorkLoops;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Tells the patient and their caregivers by SMS that their alert was acknowledged, or that nobody answered. Each moment is a
 * {@link PatientText} row written with the change; a pass asks patient-service for the phones (so a caregiver removed since is
 * not texted) and queues one SMS notification per phone, which the dispatcher sends like any page. When patient-service cannot
 * answer three times running, the patient's own phone from the check-in is texted alone rather than nobody. Without SMS
 * configured nothing is queued: the phone app shows the same message.
 */
@ApplicationScoped
public class PatientTexts implements DurableJob<PatientText> {

    private static final int LOOKUPS_BEFORE_THE_CHECK_IN_PHONE = 3;

    private final PatientTextRepository texts;
    private final AlertRepository alerts;
    private final NotificationRepository notifications;
    private final TimelineRepository timeline;
    private final Directory directory;
    private final Channels channels;
    private final NotificationDispatcher dispatcher;
    private final WorkLoop<PatientText> loop;

    public PatientTexts(PatientTextRepository texts, AlertRepository alerts, NotificationRepository notifications,
            TimelineRepository timeline, Directory directory, Channels channels, NotificationDispatcher dispatcher,
            WorkLoops loops) {
        this.texts = texts;
        this.alerts = alerts;
        this.notifications = notifications;
        this.timeline = timeline;
        this.directory = directory;
        this.channels = channels;
        this.dispatcher = dispatcher;
        // One row at a time: each uses the pass's session.
        this.loop = loops.loop(this, WorkLoop.Settings.of("patient-text", WorkLoop.Claim.BATCH, 20)
                .retry(new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30))));
    }

    @Scheduled(every = "${alert.delivery.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        loop.kick();
    }

    public void kick() {
        loop.kick();
    }

    @Override
    public Uni<List<PatientText>> due(Instant now, int limit) {
        return texts.lockDue(now, limit);
    }

    @Override
    public Instant dueAt(PatientText row) {
        return row.nextAttemptAt;
    }

    @Override
    public Attempted ledger(PatientText row) {
        return row;
    }

    @Override
    public Object key(PatientText row) {
        return row.id;
    }

    @Override
    public Uni<Void> work(PatientText row, Instant now) {
        return alerts.findById(row.alertId).flatMap(alert -> {
            String moot = moot(row, alert);
            if (moot != null) {
                return note(alert, now, row.purpose + " not sent: " + moot);
            }
            List<PatientPhones.Phone> checkInPhone = alert.patientPhone == null ? List.of()
                    : List.of(new PatientPhones.Phone(alert.patientPhone, "PATIENT"));
            return directory.patientPhones(alert.patientId).map(PatientPhones::phones)
                    // patient-service no longer knows the patient (erased): the check-in's phone, if it is still kept.
                    .onFailure(e -> e instanceof WebApplicationException w && w.getResponse().getStatus() == 404)
                    .recoverWithItem(checkInPhone)
                    .onFailure().recoverWithUni(e -> {
                        if (row.attempts + 1 < LOOKUPS_BEFORE_THE_CHECK_IN_PHONE || alert.patientPhone == null) {
                            return Uni.createFrom().failure(e);
                        }
                        Log.warnf("patient-service cannot say whom to text for alert %s; the check-in's phone is texted",
                                alert.id);
                        return Uni.createFrom().item(checkInPhone);
                    })
                    .flatMap(phones -> queue(row, alert, phones == null ? List.of() : phones, now));
        });
    }

    @Override
    public void committed(Outcome<PatientText> outcome) {
        if (outcome.succeeded()) {
            dispatcher.kick();
        }
    }

    /** Why the moment need not be told any more; null when it should. */
    private String moot(PatientText row, Alert alert) {
        if (alert.status == Status.RESOLVED) {
            return "the alert is resolved";
        }
        if (row.purpose == Purpose.PATIENT_NO_ANSWER && alert.status != Status.EXHAUSTED) {
            return "somebody answered meanwhile";
        }
        if (!channels.sends(Notification.Channel.SMS)) {
            return "SMS is not configured here (the phone app shows the message)";
        }
        return null;
    }

    private Uni<Void> queue(PatientText row, Alert alert, List<PatientPhones.Phone> phones, Instant now) {
        if (phones.isEmpty()) {
            return note(alert, now, row.purpose + " not sent: no phone is known for the patient or their caregivers");
        }
        List<Notification> queued = new ArrayList<>();
        int caregivers = 0;
        for (PatientPhones.Phone p : phones) {
            boolean patient = "PATIENT".equals(p.who());
            caregivers += patient ? 0 : 1;
            queued.add(notification(row, alert, patient ? "the patient" : "a caregiver", p.phone(), now));
        }
        boolean patientToo = phones.stream().anyMatch(p -> "PATIENT".equals(p.who()));
        String to = (patientToo ? "the patient" : "") + (patientToo && caregivers > 0 ? " and " : "")
                + (caregivers == 0 ? "" : caregivers + (caregivers == 1 ? " caregiver" : " caregivers"));
        return Batches.persist(notifications, queued)
                .flatMap(v -> timeline.persist(TimelineEntry.of(alert.id, now, TimelineType.NOTIFICATION_QUEUED,
                        row.purpose + " by sms to " + to)))
                .replaceWithVoid();
    }

    private static Notification notification(PatientText row, Alert alert, String who, String phone, Instant now) {
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.alertId = alert.id;
        n.purpose = row.purpose;
        n.level = alert.level;
        n.cycle = alert.cycle;
        n.channel = Notification.Channel.SMS;
        n.recipientName = who;
        n.address = phone;
        n.status = Notification.DeliveryStatus.PENDING;
        n.attempts = 0;
        n.nextAttemptAt = now;
        n.createdAt = now;
        // Due when the alert was acknowledged or ran out of people: "due → sent" is how long the family waited to hear.
        n.dueAt = row.createdAt;
        return n;
    }

    private Uni<Void> note(Alert alert, Instant now, String detail) {
        return timeline.persist(TimelineEntry.of(alert.id, now, TimelineType.NOTIFICATION_CANCELLED, detail)).replaceWithVoid();
    }
}
