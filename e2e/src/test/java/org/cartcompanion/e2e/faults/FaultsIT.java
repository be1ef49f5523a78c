package org.cartcompanion.e2e.faults;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cartcompanion.e2e.system.Api;
import org.cartcompanion.e2e.system.CarTSystem;
import org.cartcompanion.e2e.system.CarTSystem.Service;
import org.cartcompanion.e2e.system.Mailbox;
import org.cartcompanion.e2e.system.Mailbox.Mail;
import org.cartcompanion.e2e.system.Scenario;
import org.cartcompanion.e2e.system.Scenario.Center;
import org.cartcompanion.e2e.system.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Faults across the real services: each scenario asserts that nothing is lost and nothing is sent twice. */
class FaultsIT {

    private static final String FEVER = """
            {"recordedAt":"%s","temperature":{"value":38.7,"unit":"C","method":"ORAL"},"symptoms":["RIGORS"]}""";

    private static CarTSystem system;
    private static Mailbox mail;
    private static Tokens tokens;
    private static Scenario scenario;

    @BeforeAll
    static void start() throws Exception {
        // Retries back off to at most 5 s here (a deployment's defaults wait up to a minute), so recoveries show quickly.
        system = CarTSystem.start(Map.of("alert.delivery.backoff-max", "PT5S", "patient.outbox.backoff-max", "PT5S"));
        mail = new Mailbox(system);
        tokens = system.tokens();
        scenario = new Scenario(system, mail);
    }

    @AfterAll
    static void stop() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    private List<String> patients(Center center, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(scenario.enroll(center, "fault-" + center.tag() + "-" + i, 6));
        }
        return ids;
    }

    private void fever(String patientId, int index, Center center) {
        String token = tokens.token("fault-" + center.tag() + "-" + index, "patient");
        scenario.checkIn(patientId, token, FEVER.formatted(OffsetDateTime.now())).expect(201);
    }

    @Test
    void smtpDownForThirtySecondsDelaysPagesButLosesAndDoublesNone() throws Exception {
        Center center = scenario.center(600);
        List<String> ids = patients(center, 3);
        system.stopSmtp();
        for (int i = 0; i < ids.size(); i++) {
            fever(ids.get(i), i, center);
        }
        Thread.sleep(30_000);
        system.startSmtp();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> mail.to(center.primaryEmail()).size() >= 3);
        await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(19)).until(() -> true);
        List<Mail> pages = mail.to(center.primaryEmail());
        assertThat("one page per patient, none twice", pages, hasSize(3));
        for (String id : ids) {
            String alert = Api.get(scenario.alerts("/api/v1/alerts?patientId=" + id), center.coordinator()).expect(200)
                    .at("/items/0/id");
            List<String> types = new ArrayList<>();
            Api.get(scenario.alerts("/api/v1/alerts/" + alert), center.coordinator()).expect(200).json().get("timeline")
                    .forEach(t -> types.add(t.get("type").asText()));
            assertThat(types.stream().filter("NOTIFICATION_FAILED"::equals).count(), greaterThanOrEqualTo(1L));
            assertThat(types.stream().filter("NOTIFIED"::equals).count(), equalTo(1L));
        }
    }

    @Test
    void anAlertServiceKilledMidEscalationIsReplacedByItsReplicaWhichPagesTheBackupOnce() throws Exception {
        Process replica = system.startAlertReplica();
        try {
            Center center = scenario.center(10);
            List<String> ids = patients(center, 1);
            fever(ids.get(0), 0, center);
            Mail first = scenario.awaitMail(center.primaryEmail(), 1, Duration.ofSeconds(10));
            assertThat(first.subject(), containsString("CENTER_NOW"));

            // Between levels: the primary's page is sent and recorded (a crash in the instant between the relay taking a
            // page and its record sends that page again: at least once, by design), the backup's turn not yet come.
            await().atMost(Duration.ofSeconds(5)).until(() -> timeline(center, ids.get(0)).contains("NOTIFIED"));
            // The instance patient-service talks to dies with SIGKILL; the replica must take the next step.
            system.stopService(Service.ALERT, true);
            Mail backup = scenario.awaitMail(center.backupEmail(), 1, Duration.ofSeconds(30));
            assertThat(backup.subject(), containsString("CENTER_NOW"));
            await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(15)).until(() -> true);
            assertThat(mail.to(center.backupEmail()), hasSize(1));
            assertThat(mail.to(center.primaryEmail()), hasSize(1));
        } finally {
            // Back to one instance on the usual port for any test after this one.
            system.startService(Service.ALERT);
            system.awaitReady(Service.ALERT, Duration.ofSeconds(90));
            replica.destroy();
            replica.waitFor();
        }
    }

    @Test
    void alertServiceDownForAMinuteDuringAHundredCheckInsLosesAndDoublesNone() throws Exception {
        Center center = scenario.center(600);
        List<String> ids = patients(center, 20);
        system.stopService(Service.ALERT, false);
        long stopped = System.nanoTime();
        // 100 fevers, five per patient: every check-in is triaged and answered while alert-service is away.
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < ids.size(); i++) {
                fever(ids.get(i), i, center);
            }
        }
        long down = Duration.ofSeconds(60).toMillis() - Duration.ofNanos(System.nanoTime() - stopped).toMillis();
        if (down > 0) {
            Thread.sleep(down);
        }
        system.startService(Service.ALERT);
        system.awaitReady(Service.ALERT, Duration.ofSeconds(90));

        // Every check-in reaches its patient's alert (opened once, then appended), and each alert pages once.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ids.stream().allMatch(id -> events(center, id) == 5));
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.to(center.primaryEmail()).size() >= ids.size());
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(16)).until(() -> true);
        assertThat(mail.to(center.primaryEmail()), hasSize(ids.size()));
        for (String id : ids) {
            assertThat(Api.get(scenario.alerts("/api/v1/alerts?patientId=" + id), center.coordinator()).expect(200)
                    .json().get("items").size(), equalTo(1));
        }
    }

    @Test
    void postgresRestartedTakesTheServicesOutOfServiceThenEscalationAndCheckInsGoOn() throws Exception {
        Center center = scenario.center(10);
        List<String> ids = patients(center, 2);
        fever(ids.get(0), 0, center);
        scenario.awaitMail(center.primaryEmail(), 1, Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(5)).until(() -> timeline(center, ids.get(0)).contains("NOTIFIED"));

        // The database goes away with an alert in escalation (the primary's 10 s are running); it comes back whatever
        // happens here, so that a failure does not leave the next scenarios without one.
        system.stopPostgres();
        long stopped = System.nanoTime();
        try {
            for (Service service : Service.values()) {
                String url = system.url(service);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                        .until(() -> Api.get(url + "/q/health/ready", null).status() == 503);
                // Not ready, but alive: the platform stops routing to it and does not restart it.
                assertThat(service + " stays live", Api.get(url + "/q/health/live", null).status(), equalTo(200));
            }
            // A check-in now is refused with a problem the phone can show and retry, not taken and lost.
            String secondToken = tokens.token("fault-" + center.tag() + "-1", "patient");
            Api.Answer refused = scenario.checkIn(ids.get(1), secondToken, FEVER.formatted(OffsetDateTime.now()));
            assertThat(refused.status(), equalTo(503));
            assertThat(refused.at("/status"), equalTo("503"));
            assertThat("the phone is told when to retry", refused.header("Retry-After"), equalTo("5"));
            long down = Duration.ofSeconds(15).toMillis() - Duration.ofNanos(System.nanoTime() - stopped).toMillis();
            if (down > 0) {
                Thread.sleep(down);
            }
        } finally {
            system.startPostgres();
            for (Service service : Service.values()) {
                system.awaitReady(service, Duration.ofSeconds(60));
            }
        }
        // The escalation goes on where it stood: the backup's turn came while the database was away; paged once.
        Mail backup = scenario.awaitMail(center.backupEmail(), 1, Duration.ofSeconds(30));
        assertThat(backup.subject(), containsString("CENTER_NOW"));
        // The phone's retry is taken and pages once.
        fever(ids.get(1), 1, center);
        scenario.awaitMail(center.primaryEmail(), 2, Duration.ofSeconds(15));
        await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(15)).until(() -> true);
        assertThat(mail.to(center.primaryEmail()), hasSize(2));
        assertThat(mail.to(center.backupEmail()), hasSize(1));
        for (String id : ids) {
            assertThat(events(center, id), equalTo(1L));
        }
        System.out.printf("e2e: PostgreSQL down %d s; services ready again, backup paged, retry taken%n",
                Duration.ofNanos(System.nanoTime() - stopped).toSeconds());
    }

    /** The types of the patient's alert's timeline entries, oldest first (empty before it opens). */
    private static List<String> timeline(Center center, String patientId) {
        String alert = Api.get(scenario.alerts("/api/v1/alerts?patientId=" + patientId), center.coordinator()).expect(200)
                .at("/items/0/id");
        List<String> types = new ArrayList<>();
        if (alert != null) {
            Api.get(scenario.alerts("/api/v1/alerts/" + alert), center.coordinator()).expect(200).json().get("timeline")
                    .forEach(t -> types.add(t.get("type").asText()));
        }
        return types;
    }

    /** How many check-ins the patient's alert has taken in: the one that opened it and those appended since. */
    private static long events(Center center, String patientId) {
        return timeline(center, patientId).stream().filter(t -> t.equals("OPENED") || t.equals("EVENT_APPENDED")).count();
    }
}
