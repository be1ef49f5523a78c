package org.cartcompanion.e2e.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cartcompanion.e2e.system.Api;
import org.cartcompanion.e2e.system.CarTSystem;
import org.cartcompanion.e2e.system.CarTSystem.Service;
import org.cartcompanion.e2e.system.Mailbox;
import org.cartcompanion.e2e.system.Mailbox.Mail;
import org.cartcompanion.e2e.system.Scenario;
import org.cartcompanion.e2e.system.Scenario.Center;
import org.junit.jupiter.api.Test;

/**
 * The system loses care-team-service for {@code outage.minutes} (10): a fever check-in every 15 s opens an alert at one of
 * two centers, and each must page the primary on call at once, the backup 30 s later and the hotline 30 s after that, from
 * alert-service's stored directory. Half-way through, a one-off primary shift (saved before the outage) takes over at the
 * first center: alerts after it page the shift's clinician. Printed: check-in → primary page, and each later step's
 * lateness, at the SMTP server; checked: every page once, to the right person.
 * <p>
 * Not part of the suite (its name is not *IT); run by {@code e2e/bench/outage-run.sh [minutes]}.
 */
class CareTeamOutageRun {

    private static final String FEVER = """
            {"recordedAt":"%s","temperature":{"value":38.7,"unit":"C","method":"ORAL"},"symptoms":["RIGORS"]}""";
    private static final int LEVEL_SECONDS = 30;
    private static final Duration EVERY = Duration.ofSeconds(15);

    private final int minutes = Integer.getInteger("outage.minutes", 10);

    record Alert(Center center, String patientId, Instant accepted, String primaryEmail) {
    }

    @Test
    void pagingGoesOnTimeWithoutCareTeamService() throws Exception {
        try (CarTSystem system = CarTSystem.start(Map.of())) {
            Mailbox mail = new Mailbox(system);
            Scenario scenario = new Scenario(system, mail);
            List<Center> centers = List.of(scenario.center(LEVEL_SECONDS), scenario.center(LEVEL_SECONDS));
            int count = (int) (Duration.ofMinutes(minutes).toSeconds() / EVERY.toSeconds());
            List<String> patients = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                patients.add(scenario.enroll(centers.get(i % 2), subject(centers.get(i % 2), i), 6));
            }
            // A shift for a third clinician from the middle of the outage on: the stored directory must know it.
            Center first = centers.get(0);
            String shiftHolder = "shift-" + first.tag();
            String shiftClinician = scenario.clinician(first.id(), shiftHolder, "PHYSICIAN");
            Instant outageStart = Instant.now().plusSeconds(20);
            Instant shiftStart = outageStart.plus(Duration.ofMinutes(minutes).dividedBy(2));
            Api.post(scenario.care("/api/v1/centers/" + first.id() + "/shifts"), first.coordinator(), """
                    {"clinicianId":"%s","tier":"PRIMARY","start":"%s","end":"%s"}""".formatted(shiftClinician,
                    shiftStart, shiftStart.plus(Duration.ofHours(2)))).expect(201);
            centers.forEach(scenario::awaitStoredDirectory);

            long wait = Duration.between(Instant.now(), outageStart).toMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            system.stopService(Service.CARE_TEAM, true);
            Instant stopped = Instant.now();
            System.out.printf("Care-team outage run: care-team-service killed; %d fevers, one every %d s, over %d min%n",
                    count, EVERY.toSeconds(), minutes);
            List<Alert> alerts = new ArrayList<>();
            // Half a period off the shift's start, so that no check-in falls on the hand-over itself.
            Instant firstDue = outageStart.plus(EVERY.dividedBy(2));
            for (int i = 0; i < count; i++) {
                Instant due = firstDue.plus(EVERY.multipliedBy(i));
                long sleep = Duration.between(Instant.now(), due).toMillis();
                if (sleep > 0) {
                    Thread.sleep(sleep);
                }
                Center center = centers.get(i % 2);
                String token = system.tokens().token(subject(center, i), "patient");
                Instant accepted = Instant.parse(scenario.checkIn(patients.get(i), token,
                        FEVER.formatted(OffsetDateTime.now())).expect(201).at("/receivedAt"));
                boolean onShift = center == first && due.isAfter(shiftStart);
                alerts.add(new Alert(center, patients.get(i), accepted, onShift ? shiftHolder + "@e2e.example"
                        : center.primaryEmail()));
            }
            // The last alerts run their chain: the hotline 2 levels after the primary.
            Thread.sleep(Duration.ofSeconds(2L * LEVEL_SECONDS + 10).toMillis());
            Duration down = Duration.between(stopped, Instant.now());
            system.startService(Service.CARE_TEAM);
            system.awaitReady(Service.CARE_TEAM, Duration.ofSeconds(90));
            report(alerts, mail, scenario, down);
        }
    }

    private static String subject(Center center, int i) {
        return "outage-" + center.tag() + "-" + i;
    }

    /** Each alert's pages, matched by the alert the console link names. */
    private static void report(List<Alert> alerts, Mailbox mail, Scenario scenario, Duration down) {
        List<Long> first = new ArrayList<>();
        List<Long> backupLate = new ArrayList<>();
        List<Long> hotlineLate = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Alert a : alerts) {
            // A page names the patient's phone and day, not the patient: the console link names the alert.
            String id = Api.get(scenario.alerts("/api/v1/alerts?patientId=" + a.patientId()), a.center().coordinator())
                    .expect(200).at("/items/0/id");
            List<Mail> primary = about(mail.to(a.primaryEmail()), id);
            List<Mail> backup = about(mail.to(a.center().backupEmail()), id);
            List<Mail> hotline = about(mail.to(a.center().hotline()), id);
            if (primary.size() != 1 || backup.size() != 1 || hotline.size() != 1) {
                problems.add("patient " + a.patientId() + ": " + primary.size() + " primary (" + a.primaryEmail() + "), "
                        + backup.size() + " backup, " + hotline.size() + " hotline pages");
                continue;
            }
            first.add(Duration.between(a.accepted(), primary.get(0).receivedAt()).toMillis());
            backupLate.add(Duration.between(primary.get(0).receivedAt(), backup.get(0).receivedAt()).toMillis()
                    - LEVEL_SECONDS * 1000L);
            hotlineLate.add(Duration.between(backup.get(0).receivedAt(), hotline.get(0).receivedAt()).toMillis()
                    - LEVEL_SECONDS * 1000L);
        }
        long onShift = alerts.stream().filter(a -> !a.primaryEmail().equals(a.center().primaryEmail())).count();
        System.out.printf(Locale.ROOT, "Care-team outage run (care-team-service down %d s, %d alerts, %d of them after "
                + "a shift that began during the outage took over primary):%n", down.toSeconds(), alerts.size(), onShift);
        line("check-in → primary page", first);
        line("backup page lateness", backupLate);
        line("hotline page lateness", hotlineLate);
        System.out.printf("  problems: %s%n", problems.isEmpty() ? "none" : problems);
        assertThat(problems, empty());
        assertThat(first.size(), equalTo(alerts.size()));
    }

    private static List<Mail> about(List<Mail> mails, String alertId) {
        return mails.stream().filter(m -> m.text().contains("/alerts/" + alertId)).toList();
    }

    private static void line(String what, List<Long> ms) {
        if (ms.isEmpty()) {
            System.out.printf("  %-26s none%n", what);
            return;
        }
        List<Long> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "  %-26s p50 %5d ms   p99 %5d ms   max %5d ms%n", what,
                sorted.get(sorted.size() / 2), sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)),
                sorted.get(sorted.size() - 1));
    }
}
