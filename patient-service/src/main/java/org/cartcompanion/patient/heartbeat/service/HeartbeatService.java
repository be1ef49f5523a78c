package org.cartcompanion.patient.heartbeat.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.access.client.CareTeamDirectory;
import org.cartcompanion.patient.caregiver.CaregiverLink;
import org.cartcompanion.patient.caregiver.repository.CaregiverLinkRepository;
import org.cartcompanion.patient.checkin.service.TriageEventPayload;
import org.cartcompanion.patient.heartbeat.config.HeartbeatConfig;
import org.cartcompanion.patient.heartbeat.mail.HeartbeatMails;
import org.cartcompanion.patient.heartbeat.repository.MissedCheckInRepository;
import org.cartcompanion.patient.outbox.OutboxEvent;
import org.cartcompanion.patient.outbox.service.Outbox;
import org.cartcompanion.patient.patient.Language;
import org.cartcompanion.patient.patient.Patient;
import org.cartcompanion.patient.patient.repository.PatientRepository;
import org.cartcompanion.patient.push.service.WebPushService;
import org.cartcompanion.patient.timeline.CheckInCadence;
import org.cartcompanion.patient.timeline.Phase;
import org.cartcompanion.patient.timeline.Timeline;
import org.cartcompanion.patient.triage.Disposition;
import org.cartcompanion.patient.triage.Phases;
import org.cartcompanion.support.reactive.Deadlines;
import org.cartcompanion.support.work.Contexts;
import org.cartcompanion.support.work.DurableJob;
import org.cartcompanion.support.work.Failure;
import org.cartcompanion.support.work.PassReport;
import org.cartcompanion.support.work.WorkLoop;
import org.cartcompanion.support.work.WorkLoops;

import io.quarkus.logging.Log;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * The missed check-in heartbeat (clinical-rules.md §6.2, §4.1 rule 4), on the durable-work loop. A check-in is due one cadence
 * interval after the last; when it is overdue the patient and caregivers get a reminder (held until morning in the patient's
 * time zone); if still nothing comes, alert-service gets a {@code MISSED_CHECK_IN} event through the outbox. Each patient is
 * checked in a transaction of its own; each step happens once per missed check-in, on whichever replica claims it first.
 */
@ApplicationScoped
public class HeartbeatService implements DurableJob<HeartbeatService.Candidate> {

    public static final String MISSED_CHECK_IN = "MISSED_CHECK_IN";

    private static final int MAX_BATCHES = 20;
    private static final Duration RETRY_FAILED_CHECK = Duration.ofMinutes(1);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PatientRepository patients;
    private final CaregiverLinkRepository caregivers;
    private final MissedCheckInRepository missed;
    private final CareTeamDirectory directory;
    private final Outbox outbox;
    private final HeartbeatConfig config;
    private final CheckInCadence cadence;
    private final Clock clock;
    private final Vertx vertx;
    private final WebPushService webPush;
    private final WorkLoop<Candidate> loop;
    /** Escalations written since the outbox was last told. */
    private final AtomicInteger escalated = new AtomicInteger();

    public HeartbeatService(PatientRepository patients, CaregiverLinkRepository caregivers, MissedCheckInRepository missed,
            CareTeamDirectory directory, Outbox outbox, HeartbeatConfig config, CheckInCadence cadence, Clock clock,
            WorkLoops loops, Vertx vertx, WebPushService webPush) {
        this.patients = patients;
        this.caregivers = caregivers;
        this.missed = missed;
        this.directory = directory;
        this.outbox = outbox;
        this.config = config;
        this.cadence = cadence;
        this.clock = clock;
        this.vertx = vertx;
        this.webPush = webPush;
        this.loop = loops.loop(this, WorkLoop.Settings.of("heartbeat", WorkLoop.Claim.EACH, config.batchSize()));
    }

    /** A patient whose heartbeat time has come, with their last check-in and caregivers. */
    public record Candidate(Patient patient, Instant lastCheckIn, List<CaregiverLink> caregivers) {
    }

    @Scheduled(every = "${patient.heartbeat.interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        loop.kick();
    }

    /**
     * One pass at {@code now}: the ACTIVE patients whose {@code heartbeat_at} has come, found through its partial index and
     * read in batches, each checked and given the next time to look at them.
     */
    public Uni<PassReport> runPass(Instant now) {
        return loop.drain(now, MAX_BATCHES);
    }

    /** Due patients with what their check needs, read in three queries for the whole batch (one session, one at a time). */
    @Override
    public Uni<List<Candidate>> due(Instant now, int limit) {
        return patients.dueForHeartbeat(now, limit).flatMap(due -> due.isEmpty() ? Uni.createFrom().item(List.of())
                : lastCheckIns(due).flatMap(last -> caregiversOf(due).map(links -> candidates(due, last, links))));
    }

    private Uni<Map<UUID, Instant>> lastCheckIns(List<Patient> due) {
        return patients.getSession().flatMap(session -> session
                .createSelectionQuery("select c.patientId, max(c.recordedAt) from CheckInRecord c"
                        + " where c.patientId in :ids group by c.patientId", Object[].class)
                .setParameter("ids", ids(due)).getResultList())
                .map(rows -> {
                    Map<UUID, Instant> last = new HashMap<>();
                    rows.forEach(row -> last.put((UUID) row[0], (Instant) row[1]));
                    return last;
                });
    }

    private Uni<Map<UUID, List<CaregiverLink>>> caregiversOf(List<Patient> due) {
        return caregivers.list("patientId in ?1", ids(due)).map(links -> {
            Map<UUID, List<CaregiverLink>> byPatient = new HashMap<>();
            links.forEach(l -> byPatient.computeIfAbsent(l.patientId, k -> new ArrayList<>()).add(l));
            return byPatient;
        });
    }

    private static List<UUID> ids(List<Patient> due) {
        return due.stream().map(p -> p.id).toList();
    }

    private static List<Candidate> candidates(List<Patient> due, Map<UUID, Instant> last,
            Map<UUID, List<CaregiverLink>> links) {
        return due.stream().map(p -> new Candidate(p, last.get(p.id), links.getOrDefault(p.id, List.of()))).toList();
    }

    @Override
    public Instant dueAt(Candidate c) {
        return c.patient().heartbeatAt;
    }

    /**
     * Checks one patient and sets when to look at them next: when the check-in falls due, the reminder may go or the escalation
     * is due, and never later than the patient's next local midnight, when their phase (and cadence) may change. A reminder or
     * escalation that failed rolls the check back, time included, so the next pass tries again.
     */
    @Override
    public Uni<Void> work(Candidate c, Instant now) {
        Patient p = c.patient();
        ZoneId zone = ZoneId.of(p.timeZone);
        LocalDate today = Timeline.localDate(now, zone);
        Instant midnight = today.plusDays(1).atStartOfDay(zone).toInstant();
        Phase phase = Phases.of(p.product, p.infusionDate, p.secondDoseDate, today);
        Instant due = cadence.nextDue(phase, c.lastCheckIn(), p.createdAt);
        if (now.isBefore(due)) {
            return lookAgain(p, earlier(due, midnight));
        }
        return missed.of(p.id, due).flatMap(missedOne -> {
            if (missedOne == null) {
                Instant remindAt = reminderTime(due, zone);
                if (now.isBefore(remindAt)) {
                    return lookAgain(p, earlier(remindAt, midnight));
                }
                return remind(c, due, now).flatMap(v -> lookAgain(p, earlier(now.plus(config.escalateAfter()), midnight)));
            }
            if (missedOne.escalatedAt != null) {
                return lookAgain(p, midnight);
            }
            Instant escalateAt = missedOne.remindedAt.plus(config.escalateAfter());
            if (now.isBefore(escalateAt)) {
                return lookAgain(p, earlier(escalateAt, midnight));
            }
            return escalate(c, phase, due, now).flatMap(v -> lookAgain(p, midnight));
        });
    }

    /** A failed check is tried again a minute later, behind the patients due meanwhile, so it never holds up their checks. */
    @Override
    public Uni<Void> failed(Candidate c, Failure failure) {
        Log.warnf("Heartbeat check failed for patient %s: %s; tried again in %s", c.patient().id, failure.error(),
                RETRY_FAILED_CHECK);
        return lookAgain(c.patient(), failure.at().plus(RETRY_FAILED_CHECK));
    }

    @Override
    public Uni<Void> afterPass(PassReport report) {
        if (escalated.getAndSet(0) > 0) {
            outbox.deliverSoon();
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> lookAgain(Patient p, Instant at) {
        return patients.lookAgain(p.id, at).replaceWithVoid();
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** The reminder goes out when the check-in is due, unless that is the patient's night: then in the morning. */
    Instant reminderTime(Instant due, ZoneId zone) {
        ZonedDateTime local = due.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overnight = config.quietStart().isAfter(config.quietEnd());
        boolean quiet = overnight
                ? !time.isBefore(config.quietStart()) || time.isBefore(config.quietEnd())
                : !time.isBefore(config.quietStart()) && time.isBefore(config.quietEnd());
        if (!quiet) {
            return due;
        }
        ZonedDateTime morning = local.with(config.quietEnd());
        return (morning.isBefore(local) ? morning.plusDays(1) : morning).toInstant();
    }

    /**
     * Reminds the patient and caregivers once. The claim commits before any mail goes (so a later failure of this check never
     * sends it again) and is given back when nobody could be reached, so the next check tries again.
     */
    private Uni<Void> remind(Candidate c, Instant due, Instant now) {
        Patient p = c.patient();
        return Contexts.inOwnTransaction(vertx, () -> missed.claimReminder(p.id, due, now)).flatMap(claimed -> {
            if (!claimed) {
                // Another replica reminded them.
                return Uni.createFrom().voidItem();
            }
            return directory.centerPhone(p.centerId).flatMap(phone -> sendReminders(c, due, phone))
                    .onFailure().call(e -> Contexts.inOwnTransaction(vertx, () -> missed.release(p.id, due)));
        });
    }

    private Uni<Void> sendReminders(Candidate c, Instant due, String phone) {
        Patient p = c.patient();
        String dueLocal = due.atZone(ZoneId.of(p.timeZone)).format(LOCAL);
        String centerPhone = phone == null ? "" : phone;
        List<Uni<Boolean>> mails = new ArrayList<>();
        if (p.email != null) {
            mails.add(sent(mail(p.language, p.displayName, p.displayName, dueLocal, centerPhone, p.email), p));
        }
        for (CaregiverLink caregiver : c.caregivers()) {
            if (caregiver.email != null) {
                mails.add(sent(mail(p.language, caregiver.name, p.displayName, dueLocal, centerPhone, caregiver.email), p));
            }
        }
        Uni<List<Boolean>> mailed = mails.isEmpty() ? Uni.createFrom().item(List.<Boolean> of())
                : Uni.join().all(mails).andCollectFailures();
        // Besides the mails, each browser of theirs that asked for reminders (web push, when enabled).
        Uni<List<Boolean>> pushed = webPush.remind(p, c.caregivers(), phone);
        // Reminded once anyone was: the claim stays, so those who got it are not reminded again each pass and the center is
        // alerted after escalate-after. Only when nobody could be reached is the claim given back for the next pass.
        return Uni.combine().all().unis(mailed, pushed).asTuple().flatMap(results -> {
            List<Boolean> all = new ArrayList<>(results.getItem1());
            all.addAll(results.getItem2());
            if (all.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            long reached = all.stream().filter(Boolean::booleanValue).count();
            if (reached == 0) {
                return Uni.createFrom().failure(new IllegalStateException("no reminder could be sent"));
            }
            Log.infof("Missed check-in reminder sent for patient %s (%d of %d mails and pushes)", p.id, reached, all.size());
            return Uni.createFrom().voidItem();
        });
    }

    /** Whether the mail went out; a failure is logged (without the address) and answers false. */
    private static Uni<Boolean> sent(Uni<Void> mail, Patient p) {
        return mail.replaceWith(true).onFailure().recoverWithItem(e -> {
            Log.warnf("A missed check-in reminder for patient %s was not sent: %s", p.id, e.getClass().getSimpleName());
            return false;
        });
    }

    private Uni<Void> mail(Language language, String name, String patientName, String due, String centerPhone, String to) {
        MailTemplateInstance mail = language == Language.ES
                ? HeartbeatMails.reminder_es(name, patientName, due, centerPhone)
                        .subject("Recordatorio: registro de CAR-T pendiente")
                : HeartbeatMails.reminder_en(name, patientName, due, centerPhone).subject("Reminder: CAR-T check-in due");
        return Deadlines.within(config.sendTimeout(), () -> mail.to(to).send());
    }

    private Uni<Void> escalate(Candidate c, Phase phase, Instant due, Instant now) {
        Patient p = c.patient();
        Disposition disposition = phase == Phase.P0_PRE || phase == Phase.P1_ACUTE || phase == Phase.P2_EARLY
                ? Disposition.CENTER_SAME_DAY
                : Disposition.COMMUNITY_24H;
        LocalDate today = Timeline.localDate(now, ZoneId.of(p.timeZone));
        String summary = "No check-in since " + (c.lastCheckIn() == null ? "enrollment" : c.lastCheckIn().toString())
                + "; due " + due + "; reminder sent, no answer";
        return missed.claimEscalation(p.id, due, now).flatMap(claimed -> {
            if (!claimed) {
                return Uni.createFrom().voidItem();
            }
            return outbox.enqueue(OutboxEvent.TRIAGE_EVENT, p.id, eventId -> TriageEventPayload.of(eventId, p, null,
                    disposition.name(), List.of(MISSED_CHECK_IN),
                    Math.toIntExact(Timeline.dayPostInfusion(p.infusionDate, today)), phase.name(), summary, now, null))
                    .invoke(() -> {
                        escalated.incrementAndGet();
                        Log.infof("Missed check-in escalated for patient %s (%s)", p.id, disposition);
                    }).replaceWithVoid();
        });
    }
}
