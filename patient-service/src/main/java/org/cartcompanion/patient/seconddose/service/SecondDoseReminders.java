package org.cartcompanion.patient.seconddose.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.access.client.CareTeamDirectory;
import org.cartcompanion.patient.access.client.CenterContact;
import org.cartcompanion.patient.access.client.CenterCoordinators;
import org.cartcompanion.patient.patient.Patient;
import org.cartcompanion.patient.patient.PatientStatus;
import org.cartcompanion.patient.patient.Product;
import org.cartcompanion.patient.patient.repository.PatientRepository;
import org.cartcompanion.patient.seconddose.config.SecondDoseConfig;
import org.cartcompanion.patient.seconddose.mail.SecondDoseMails;
import org.cartcompanion.patient.timeline.Timeline;
import org.cartcompanion.patient.triage.Phases;
import org.cartcompanion.patient.triage.RuleSet;
import org.cartcompanion.patient.triage.Threshold;
import org.cartcompanion.support.reactive.Deadlines;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * obe-cel without a recorded second dose (clinical-rules.md §10.4): from day 13 the center's coordinators are reminded once a
 * day, from {@code remind-at} in the patient's time zone, until the dose is recorded. The (patient, local day) row is the
 * claim, so every replica may run the pass; a reminder that could not be sent gives its claim back and is tried on the next
 * pass.
 */
@ApplicationScoped
public class SecondDoseReminders {

    private static final String CLAIM = "INSERT INTO second_dose_reminder (patient_id, local_date) VALUES ($1, $2)"
            + " ON CONFLICT DO NOTHING";
    private static final String SENT = "UPDATE second_dose_reminder SET sent_at = $3 WHERE patient_id = $1 AND local_date = $2";
    private static final String RELEASE = "DELETE FROM second_dose_reminder WHERE patient_id = $1 AND local_date = $2"
            + " AND sent_at IS NULL";

    private final PatientRepository patients;
    private final CareTeamDirectory directory;
    private final Pool pool;
    private final SecondDoseConfig config;
    private final Clock clock;

    public SecondDoseReminders(PatientRepository patients, CareTeamDirectory directory, Pool pool, SecondDoseConfig config,
            Clock clock) {
        this.patients = patients;
        this.directory = directory;
        this.pool = pool;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${patient.second-dose.check-every:15m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runPass(clock.instant()).replaceWithVoid();
    }

    /** One pass at {@code now}: how many patients' coordinators were reminded. */
    public Uni<Integer> runPass(Instant now) {
        return Panache.withSession(() -> patients
                .list("product = ?1 and secondDoseDate is null and status = ?2", Product.OBE_CEL, PatientStatus.ACTIVE))
                .flatMap(list -> Multi.createFrom().iterable(list)
                        .onItem().transformToUniAndConcatenate(p -> remind(p, now).onFailure().recoverWithItem(e -> {
                            Log.warnf("Second-dose reminder for patient %s failed: %s", p.id, e.getClass().getSimpleName());
                            return 0;
                        }))
                        .collect().asList())
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }

    private Uni<Integer> remind(Patient p, Instant now) {
        ZoneId zone = ZoneId.of(p.timeZone);
        ZonedDateTime local = now.atZone(zone);
        LocalDate today = local.toLocalDate();
        if (!Phases.secondDoseOverdue(p.product, p.infusionDate, p.secondDoseDate, today)
                || local.toLocalTime().isBefore(config.remindAt())) {
            return Uni.createFrom().item(0);
        }
        return pool.preparedQuery(CLAIM).execute(Tuple.of(p.id, today)).flatMap(claimed -> {
            if (claimed.rowCount() == 0) {
                return Uni.createFrom().item(0); // reminded today already, here or on another replica
            }
            return send(p, today)
                    .flatMap(v -> pool.preparedQuery(SENT).execute(Tuple.of(p.id, today, now.atOffset(ZoneOffset.UTC))))
                    .replaceWith(1)
                    .onFailure().recoverWithUni(e -> {
                        Log.warnf("Second-dose reminder for patient %s not sent: %s", p.id, e.getClass().getSimpleName());
                        return pool.preparedQuery(RELEASE).execute(Tuple.of(p.id, today)).replaceWith(0);
                    });
        });
    }

    /** To the center's coordinators; a center without any gets it at its hotline, so that somebody does. */
    private Uni<Void> send(Patient p, LocalDate today) {
        return directory.coordinators(p.centerId).flatMap(coordinators -> {
            List<String> to = coordinators.coordinators().stream().map(CenterCoordinators.Coordinator::email)
                    .filter(e -> e != null && !e.isBlank()).toList();
            if (!to.isEmpty()) {
                return mail(p, today, coordinators.centerName(), to);
            }
            return directory.center(p.centerId).flatMap(contact -> {
                String hotline = contact.map(CenterContact::hotlineEmail).orElse(null);
                if (hotline == null || hotline.isBlank()) {
                    return Uni.createFrom().failure(new IllegalStateException("the center has no coordinator or hotline"));
                }
                return mail(p, today, contact.map(CenterContact::name).orElse(null), List.of(hotline));
            });
        });
    }

    private Uni<Void> mail(Patient p, LocalDate today, String centerName, List<String> to) {
        long day = Timeline.dayPostInfusion(p.infusionDate, today);
        long assumedUntil = (long) (RuleSet.DEFAULT.get(Threshold.OBE_CEL_ASSUMED_SECOND_DOSE_DAY)
                + RuleSet.DEFAULT.get(Threshold.OBE_CEL_ACUTE_DAYS_AFTER_SECOND_DOSE));
        String center = centerName == null ? "Your CAR-T center" : centerName;
        var mail = SecondDoseMails.reminder(center, p.id.toString(), day, p.infusionDate.toString(), assumedUntil)
                .subject("Record the obe-cel second dose (day " + day + ")")
                .to(to.toArray(String[]::new));
        return Deadlines.within(config.sendTimeout(), mail::send)
                .invoke(() -> Log.infof("Second-dose reminder sent for patient %s (%d recipients)", p.id, to.size()));
    }
}
