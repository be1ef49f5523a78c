package org.cartcompanion.patient.heartbeat.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.access.client.CareTeamDirectory;
import org.cartcompanion.patient.caregiver.CaregiverLink;
import org.cartcompanion.patient.caregiver.repository.CaregiverLinkRepository;
import org.cartcompanion.patient.checkin.service.TriageEventPayload;
import org.cartcompanion.patient.heartbeat.config.HeartbeatConfig;
import org.cartcompanion.patient.heartbeat.mail.HeartbeatMails;
import org.cartcompanion.patient.outbox.OutboxEvent;
import org.cartcompanion.patient.outbox.service.OutboxRelay;
import org.cartcompanion.patient.patient.Language;
import org.cartcompanion.patient.patient.Patient;
import org.cartcompanion.patient.patient.repository.PatientRepository;
import org.cartcompanion.patient.timeline.CheckInCadence;
import org.cartcompanion.patient.timeline.Phase;
import org.cartcompanion.patient.timeline.Timeline;
import org.cartcompanion.patient.triage.Disposition;
import org.cartcompanion.patient.triage.Phases;
import org.cartcompanion.support.reactive.Deadlines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The missed check-in heartbeat (clinical-rules.md §6.2, §4.1 rule 4). A check-in is due one cadence interval after the last;
 * when it is overdue the patient and caregivers get a reminder (held until morning in the patient's time zone); if still
 * nothing comes, alert-service gets a {@code MISSED_CHECK_IN} event through the outbox. Each step happens once per missed
 * check-in, on whichever replica claims its row first.
 */
@ApplicationScoped
public class HeartbeatService {

    public static final String MISSED_CHECK_IN = "MISSED_CHECK_IN";

    private static final String CLAIM_REMINDER = "INSERT INTO missed_check_in (patient_id, due_at, reminded_at)"
            + " VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";
    private static final String RELEASE_REMINDER = "DELETE FROM missed_check_in WHERE patient_id = $1 AND due_at = $2"
            + " AND escalated_at IS NULL";
    private static final String REMINDED = "SELECT reminded_at, escalated_at FROM missed_check_in"
            + " WHERE patient_id = $1 AND due_at = $2";
    private static final String CLAIM_ESCALATION = "UPDATE missed_check_in SET escalated_at = $3"
            + " WHERE patient_id = $1 AND due_at = $2 AND escalated_at IS NULL";
    private static final String INSERT_EVENT = "INSERT INTO outbox_event (id, event_type, aggregate_id, payload, created_at,"
            + " attempts, next_attempt_at) VALUES ($1, $2, $3, $4, $5, 0, $5)";
    private static final String LOOK_AGAIN = "UPDATE patient SET heartbeat_at = $2 WHERE id = $1";
    private static final int MAX_BATCHES = 20;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PatientRepository patients;
    private final CaregiverLinkRepository caregivers;
    private final CareTeamDirectory directory;
    private final OutboxRelay relay;
    private final Pool pool;
    private final HeartbeatConfig config;
    private final CheckInCadence cadence;
    private final ObjectMapper json;
    private final Clock clock;

    public HeartbeatService(PatientRepository patients, CaregiverLinkRepository caregivers, CareTeamDirectory directory,
            OutboxRelay relay, Pool pool, HeartbeatConfig config, CheckInCadence cadence, ObjectMapper json, Clock clock) {
        this.patients = patients;
        this.caregivers = caregivers;
        this.directory = directory;
        this.relay = relay;
        this.pool = pool;
        this.config = config;
        this.cadence = cadence;
        this.json = json;
        this.clock = clock;
    }

    /** What one pass did, for logs and tests. */
    public record Pass(int reminded, int escalated) {
    }

    private record Candidate(Patient patient, Instant lastCheckIn, List<CaregiverLink> caregivers) {
    }

    @Scheduled(every = "${patient.heartbeat.interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runPass(clock.instant()).replaceWithVoid();
    }

    /**
     * One pass at {@code now}: the ACTIVE patients whose {@code heartbeat_at} has come, found through its partial index and
     * read in batches, each checked and given the next time to look at them.
     */
    public Uni<Pass> runPass(Instant now) {
        return batches(now, 0, new Pass(0, 0)).invoke(pass -> {
            if (pass.escalated() > 0) {
                relay.kick();
            }
        });
    }

    private Uni<Pass> batches(Instant now, int done, Pass sofar) {
        int size = config.batchSize();
        return Panache.withSession(() -> candidates(now, size)).flatMap(list -> Multi.createFrom().iterable(list)
                .onItem().transformToUniAndConcatenate(c -> check(c, now)
                        .onFailure().recoverWithItem(e -> {
                            Log.warnf("Heartbeat check failed for patient %s: %s", c.patient().id,
                                    e.getClass().getSimpleName());
                            return new Pass(0, 0);
                        }))
                .collect().asList()
                .flatMap(passes -> {
                    Pass total = new Pass(sofar.reminded() + passes.stream().mapToInt(Pass::reminded).sum(),
                            sofar.escalated() + passes.stream().mapToInt(Pass::escalated).sum());
                    return list.size() < size || done + 1 >= MAX_BATCHES ? Uni.createFrom().item(total)
                            : batches(now, done + 1, total);
                }));
    }

    private Uni<List<Candidate>> candidates(Instant now, int limit) {
        // One session runs one query at a time: read the three lists in turn, each only for the patients due.
        return patients.dueForHeartbeat(now, limit).flatMap(ps -> {
            if (ps.isEmpty()) {
                return Uni.createFrom().item(List.<Candidate> of());
            }
            List<UUID> ids = ps.stream().map(p -> p.id).toList();
            return patients.getSession().flatMap(session -> session
                    .createSelectionQuery("select c.patientId, max(c.recordedAt) from CheckInRecord c"
                            + " where c.patientId in :ids group by c.patientId", Object[].class)
                    .setParameter("ids", ids).getResultList())
                    .flatMap(lastRows -> caregivers.list("patientId in ?1", ids).map(cgs -> {
                        Map<UUID, Instant> lastByPatient = new HashMap<>();
                        for (Object[] row : lastRows) {
                            lastByPatient.put((UUID) row[0], (Instant) row[1]);
                        }
                        Map<UUID, List<CaregiverLink>> byPatient = new HashMap<>();
                        cgs.forEach(l -> byPatient.computeIfAbsent(l.patientId, k -> new ArrayList<>()).add(l));
                        return ps.stream().map(p -> new Candidate(p, lastByPatient.get(p.id),
                                byPatient.getOrDefault(p.id, List.of()))).toList();
                    }));
        });
    }

    /**
     * Checks one patient and sets when to look at them next: when the check-in falls due, the reminder may go or the escalation
     * is due, and never later than the patient's next local midnight, when their phase (and cadence) may change. A reminder or
     * escalation that failed leaves the time as it is, so the next pass tries again.
     */
    private Uni<Pass> check(Candidate c, Instant now) {
        Patient p = c.patient();
        ZoneId zone = ZoneId.of(p.timeZone);
        LocalDate today = Timeline.localDate(now, zone);
        Instant midnight = today.plusDays(1).atStartOfDay(zone).toInstant();
        Phase phase = Phases.of(p.product, p.infusionDate, p.secondDoseDate, today);
        Instant due = cadence.nextDue(phase, c.lastCheckIn(), p.createdAt);
        if (now.isBefore(due)) {
            return lookAgain(p, earlier(due, midnight), new Pass(0, 0));
        }
        OffsetDateTime dueAt = due.atOffset(ZoneOffset.UTC);
        return pool.preparedQuery(REMINDED).execute(Tuple.of(p.id, dueAt)).flatMap(rows -> {
            if (!rows.iterator().hasNext()) {
                Instant remindAt = reminderTime(due, zone);
                if (now.isBefore(remindAt)) {
                    return lookAgain(p, earlier(remindAt, midnight), new Pass(0, 0));
                }
                return remind(c, due, now).flatMap(sent -> sent == null ? Uni.createFrom().item(new Pass(0, 0))
                        : lookAgain(p, earlier(now.plus(config.escalateAfter()), midnight), sent));
            }
            var row = rows.iterator().next();
            Instant remindedAt = row.getOffsetDateTime("reminded_at").toInstant();
            boolean escalated = row.getOffsetDateTime("escalated_at") != null;
            if (escalated) {
                return lookAgain(p, midnight, new Pass(0, 0));
            }
            Instant escalateAt = remindedAt.plus(config.escalateAfter());
            if (now.isBefore(escalateAt)) {
                return lookAgain(p, earlier(escalateAt, midnight), new Pass(0, 0));
            }
            return escalate(c, phase, due, now).flatMap(pass -> lookAgain(p, midnight, pass));
        });
    }

    private Uni<Pass> lookAgain(Patient p, Instant at, Pass pass) {
        return pool.preparedQuery(LOOK_AGAIN).execute(Tuple.of(p.id, at.atOffset(ZoneOffset.UTC))).replaceWith(pass);
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

    private Uni<Pass> remind(Candidate c, Instant due, Instant now) {
        Patient p = c.patient();
        OffsetDateTime dueAt = due.atOffset(ZoneOffset.UTC);
        return pool.preparedQuery(CLAIM_REMINDER).execute(Tuple.of(p.id, dueAt, now.atOffset(ZoneOffset.UTC)))
                .flatMap(claimed -> {
                    if (claimed.rowCount() == 0) {
                        // Another replica reminded them.
                        return Uni.createFrom().item(new Pass(0, 0));
                    }
                    return directory.centerPhone(p.centerId)
                            .flatMap(phone -> sendReminders(c, due, phone))
                            .replaceWith(new Pass(1, 0))
                            .onFailure().recoverWithUni(e -> {
                                // Give the claim back so that the next pass tries again.
                                Log.warnf("Reminder for patient %s not sent: %s", p.id, e.getClass().getSimpleName());
                                return pool.preparedQuery(RELEASE_REMINDER).execute(Tuple.of(p.id, dueAt))
                                        .replaceWith((Pass) null);
                            });
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
        if (mails.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Reminded once anyone was: the claim stays, so those who got it are not reminded again each pass and the center is
        // alerted after escalate-after. Only when nobody could be reached is the claim given back for the next pass.
        return Uni.join().all(mails).andCollectFailures().flatMap(results -> {
            long reached = results.stream().filter(Boolean::booleanValue).count();
            if (reached == 0) {
                return Uni.createFrom().failure(new IllegalStateException("no reminder could be sent"));
            }
            Log.infof("Missed check-in reminder sent for patient %s (%d of %d recipients)", p.id, reached, results.size());
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

    private Uni<Pass> escalate(Candidate c, Phase phase, Instant due, Instant now) {
        Patient p = c.patient();
        OffsetDateTime dueAt = due.atOffset(ZoneOffset.UTC);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        Disposition disposition = phase == Phase.P0_PRE || phase == Phase.P1_ACUTE || phase == Phase.P2_EARLY
                ? Disposition.CENTER_SAME_DAY
                : Disposition.COMMUNITY_24H;
        LocalDate today = Timeline.localDate(now, ZoneId.of(p.timeZone));
        UUID eventId = UUID.randomUUID();
        TriageEventPayload payload = TriageEventPayload.of(eventId, p, null, disposition.name(),
                List.of(MISSED_CHECK_IN), Math.toIntExact(Timeline.dayPostInfusion(p.infusionDate, today)), phase.name(),
                "No check-in since " + (c.lastCheckIn() == null ? "enrollment" : c.lastCheckIn().toString())
                        + "; due " + due + "; reminder sent, no answer",
                now, null);
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM_ESCALATION)
                .execute(Tuple.of(p.id, dueAt, at))
                .flatMap(claimed -> claimed.rowCount() == 0
                        ? Uni.createFrom().item(new Pass(0, 0))
                        : connection.preparedQuery(INSERT_EVENT)
                                .execute(Tuple.from(List.of(eventId, OutboxEvent.TRIAGE_EVENT, p.id, body, at)))
                                .invoke(() -> Log.infof("Missed check-in escalated for patient %s (%s)", p.id, disposition))
                                .replaceWith(new Pass(0, 1))));
    }
}
