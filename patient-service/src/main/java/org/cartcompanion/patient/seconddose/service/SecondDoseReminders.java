package org.cartcompanion.patient.seconddose.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.access.client.CareTeamDirectory;
import org.cartcompanion.patient.access.client.CenterContact;
import org.cartcompanion.patient.access.client.CenterCoordinators;
import org.cartcompanion.patient.patient.Patient;
import org.cartcompanion.patient.seconddose.config.SecondDoseConfig;
import org.cartcompanion.patient.seconddose.mail.SecondDoseMails;
import org.cartcompanion.patient.seconddose.repository.SecondDoseReminderRepository;
import org.cartcompanion.patient.timeline.Timeline;
import org.cartcompanion.patient.triage.Phases;
import org.cartcompanion.patient.triage.RuleSet;
import org.cartcompanion.patient.triage.Threshold;
import org.cartcompanion.support.reactive.Deadlines;
import org.cartcompanion.support.work.Contexts;
import org.cartcompanion.support.work.DurableJob;
import org.cartcompanion.support.work.Failure;
import org.cartcompanion.support.work.PassReport;
import org.cartcompanion.support.work.WorkLoop;
import org.cartcompanion.support.work.WorkLoops;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * obe-cel without a recorded second dose (clinical-rules.md §10.4): from day 13 the center's coordinators are reminded once a
 * day, from {@code remind-at} in the patient's time zone, until the dose is recorded. On the durable-work loop: the (patient,
 * local day) row is the claim, committed before the mail goes, so every replica may run the pass and a reminder that went is
 * never sent again that day; one that could not be sent gives its claim back and is tried on the next pass.
 */
@ApplicationScoped
public class SecondDoseReminders implements DurableJob<Patient> {

    private static final int BATCH = 200;

    private final SecondDoseReminderRepository reminders;
    private final CareTeamDirectory directory;
    private final SecondDoseConfig config;
    private final Clock clock;
    private final Vertx vertx;
    private final WorkLoop<Patient> loop;

    public SecondDoseReminders(SecondDoseReminderRepository reminders, CareTeamDirectory directory, SecondDoseConfig config,
            Clock clock, WorkLoops loops, Vertx vertx) {
        this.reminders = reminders;
        this.directory = directory;
        this.config = config;
        this.clock = clock;
        this.vertx = vertx;
        this.loop = loops.loop(this, WorkLoop.Settings.of("second-dose-reminder", WorkLoop.Claim.EACH, BATCH));
    }

    @Scheduled(every = "${patient.second-dose.check-every:15m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        loop.kick();
    }

    /** One pass at {@code now}: how many patients' coordinators were reminded (or found reminded by another replica). */
    public Uni<Integer> runPass(Instant now) {
        return loop.drain(now, 10).map(PassReport::succeeded);
    }

    /**
     * Patients not yet reminded today whose second dose is overdue and whose local time has reached remind-at, selected in the
     * query (so a full batch means more are waiting); the clinical rule is checked again here, where it is defined.
     */
    @Override
    public Uni<List<Patient>> due(Instant now, int limit) {
        int assumedDay = (int) RuleSet.DEFAULT.get(Threshold.OBE_CEL_ASSUMED_SECOND_DOSE_DAY);
        return reminders.unremindedToday(now, assumedDay, config.remindAt(), limit).map(list -> list.stream().filter(p -> {
            ZonedDateTime local = now.atZone(ZoneId.of(p.timeZone));
            return Phases.secondDoseOverdue(p.product, p.infusionDate, p.secondDoseDate, local.toLocalDate())
                    && !local.toLocalTime().isBefore(config.remindAt());
        }).toList());
    }

    @Override
    public Instant dueAt(Patient p) {
        return null;
    }

    @Override
    public Uni<Void> work(Patient p, Instant now) {
        LocalDate today = now.atZone(ZoneId.of(p.timeZone)).toLocalDate();
        // The claim commits before the mail goes, so nothing after it can send the mail twice; it is given back when the mail
        // could not go.
        return Contexts.inOwnTransaction(vertx, () -> reminders.claim(p.id, today, now)).flatMap(claimed -> claimed
                ? send(p, today).onFailure()
                        .call(e -> Contexts.inOwnTransaction(vertx, () -> reminders.release(p.id, today)))
                // Reminded today already, here or on another replica.
                : Uni.createFrom().voidItem());
    }

    @Override
    public Uni<Void> failed(Patient p, Failure failure) {
        Log.warnf("Second-dose reminder for patient %s not sent: %s", p.id, failure.error());
        return Uni.createFrom().voidItem();
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
        // The mail alone is bounded: the claim may wait on another replica's, which is not the mail server's fault.
        return Deadlines.within(config.sendTimeout(), mail::send)
                .invoke(() -> Log.infof("Second-dose reminder sent for patient %s (%d recipients)", p.id, to.size()));
    }
}
