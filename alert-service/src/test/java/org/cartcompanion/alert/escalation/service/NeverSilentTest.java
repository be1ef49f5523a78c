package org.cartcompanion.alert.escalation.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.cartcompanion.alert.alert.TimelineType;
import org.cartcompanion.alert.directory.service.DirectoryRefresher;
import org.cartcompanion.alert.support.Scenario;
import org.cartcompanion.alert.support.Stubs;
import org.cartcompanion.alert.support.Subsequence;
import org.cartcompanion.alert.support.TestClock;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Paging never goes silent: with care-team-service unable to answer, the stored directory names the on-call; a center never
 * stored pages the deployment's fallback after a few attempts; a step that keeps failing backs off on its own alert, pages the
 * fallback and is reported overdue, and other alerts keep their schedule.
 */
@QuarkusTest
class NeverSilentTest {

    private static final String OPERATOR = "operator@hospital.example";

    @Inject
    MockMailbox mailbox;

    @Inject
    DirectoryRefresher refresher;

    private static final String CARE_TEAM_SERVICE = TestTokens.token("care-team-service", "service");

    @Inject
    OverdueScan overdue;

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    @Test
    void withRoutingDownTheStoredOnCallIsPagedAtOnceThenTheBackupThenTheStoredHotline() {
        Scenario s = new Scenario(mailbox);
        Stubs.pagingDirectory(s.centerId, TestClock.now(), List.of(s.primary), List.of(s.backup), List.of(s.primary, s.backup),
                s.fallback);
        refresher.refreshNow(s.centerId).await().atMost(Duration.ofSeconds(10));
        Stubs.routingFails(s.patientId);

        // No saved policy: the default (primary 5 min, backup 5 min, once more, then the center's hotline).
        s.deliver("CENTER_NOW");
        Mail page = s.awaitMails(s.primary.email(), 1).get(0);
        assertThat(page.getSubject(), startsWith("CAR-T alert: CENTER_NOW"));
        assertThat(s.alert().getList("timeline.type"), hasItem(TimelineType.STORED_DIRECTORY_USED.name()));
        for (int round = 1; round <= 2; round++) {
            TestClock.advance(Duration.ofMinutes(5).plusSeconds(1));
            s.awaitMails(s.backup.email(), round);
            if (round == 1) {
                TestClock.advance(Duration.ofMinutes(5).plusSeconds(1));
                s.awaitMails(s.primary.email(), 2);
            }
        }
        TestClock.advance(Duration.ofMinutes(5).plusSeconds(1));
        Mail hotline = s.awaitMails(s.fallback, 1).get(0);
        assertThat(hotline.getSubject(), startsWith("NO ANSWER to CAR-T alert: CENTER_NOW"));
        assertThat(s.alert().getString("status"), equalTo("EXHAUSTED"));
    }

    @Test
    void aChangedDirectoryIsStoredAgainWhenCareTeamServiceSaysSo() {
        Scenario s = new Scenario(mailbox);
        Stubs.pagingDirectory(s.centerId, TestClock.now().minusSeconds(10), List.of(s.primary), List.of(s.backup), List.of(),
                s.fallback);
        refresher.refreshNow(s.centerId).await().atMost(Duration.ofSeconds(10));
        // A shift: the backup now holds primary. care-team-service tells this service, which fetches the directory again.
        Stubs.pagingDirectory(s.centerId, TestClock.now().minusSeconds(5), List.of(s.backup), List.of(), List.of(),
                s.fallback);
        given().post("/internal/v1/center-directories/" + s.centerId + "/refresh").then().statusCode(401);
        given().auth().oauth2(s.token(s.primary, "clinician")).post("/internal/v1/center-directories/" + s.centerId
                + "/refresh").then().statusCode(403);
        // Only care-team-service tells it so: another service, or a user token claiming the service group, is refused.
        given().auth().oauth2(Scenario.SERVICE).post("/internal/v1/center-directories/" + s.centerId + "/refresh").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.fromIdp("care-team-service", "service"))
                .post("/internal/v1/center-directories/" + s.centerId + "/refresh").then().statusCode(403);
        given().auth().oauth2(CARE_TEAM_SERVICE).post("/internal/v1/center-directories/" + s.centerId + "/refresh").then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> s.backup.clinicianId().toString().equals(given().auth()
                .oauth2(CARE_TEAM_SERVICE).get("/internal/v1/center-directories/" + s.centerId).then().statusCode(200)
                .extract().path("onCall.PRIMARY[0].clinicianId")));
        given().auth().oauth2(CARE_TEAM_SERVICE).get("/internal/v1/center-directories/" + s.centerId).then()
                .body("hotlineEmail", equalTo(s.fallback)).body("phone", equalTo("+15550199"))
                .body("onCall.BACKUP", empty());
        given().auth().oauth2(CARE_TEAM_SERVICE).get("/internal/v1/center-directories/" + java.util.UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(s.token(s.coordinator, "coordinator")).get("/internal/v1/center-directories/" + s.centerId)
                .then().statusCode(403);

        // An older answer arriving late changes nothing.
        Stubs.pagingDirectory(s.centerId, TestClock.now().minusSeconds(60), List.of(s.primary), List.of(), List.of(),
                s.fallback);
        refresher.refreshNow(s.centerId).await().atMost(Duration.ofSeconds(10));

        Stubs.routingFails(s.patientId);
        s.deliver("EMERGENCY", "E2");
        s.awaitMails(s.backup.email(), 1);
        assertThat(s.mailsTo(s.primary), empty());
    }

    @Test
    void aCenterNeverStoredPagesTheDeploymentFallbackAfterThreeFailedAttempts() {
        Scenario s = new Scenario(mailbox);
        Stubs.routingFails(s.patientId);
        Instant start = Instant.now();
        s.deliver("EMERGENCY", "E2");
        String id = s.alert().getString("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> !pagesOf(OPERATOR, id).isEmpty());
        assertThat("three attempts, 1 s and 2 s apart", Duration.between(start, Instant.now()).toMillis(),
                greaterThanOrEqualTo(2500L));
        assertThat(pagesOf(OPERATOR, id).get(0).getSubject(), startsWith("CAR-T alert: EMERGENCY"));
        assertThat(s.alert(id).getList("timeline.type"), Subsequence.of(TimelineType.STEP_RETRYING.name(),
                TimelineType.ROUTING_UNAVAILABLE.name(), "LEVEL_PAGED", TimelineType.NO_RECIPIENT.name(), "NOTIFIED"));
        assertThat(s.mailsTo(s.primary), empty());
    }

    @Test
    void twentyAlertsWhoseRoutingFailsForGoodDoNotHoldBackTwentyHealthyOnes() {
        List<Scenario> broken = new ArrayList<>();
        // The end-to-end suite runs fifty of each; here twenty keep the stubs few.
        for (int i = 0; i < 20; i++) {
            Scenario s = new Scenario(mailbox);
            Stubs.routingFails(s.patientId);
            broken.add(s);
        }
        List<Scenario> healthy = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            healthy.add(new Scenario(mailbox));
        }
        broken.forEach(s -> s.deliver("CENTER_NOW"));
        Instant sent = Instant.now();
        healthy.forEach(s -> s.deliver("CENTER_NOW"));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> healthy.stream().allMatch(s -> s.mailsTo(s.primary).size() == 1));
        Duration healthyPaged = Duration.between(sent, Instant.now());
        // Each broken alert pages the deployment fallback once its attempts have failed; none pages twice.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> broken.stream().allMatch(s -> pagesOf(OPERATOR, s.alert().getString("id")).size() == 1));
        assertThat("the healthy alerts paged while the broken ones backed off: " + healthyPaged, healthyPaged,
                org.hamcrest.Matchers.lessThan(Duration.ofSeconds(10)));
        healthy.forEach(s -> assertThat(s.mailsTo(s.primary), hasSize(1)));
    }

    @Test
    void aStepThatKeepsFailingBacksOffPagesTheFallbackOnceAndIsReportedOverdue() {
        Scenario s = new Scenario(mailbox);
        Scenario neighbour = new Scenario(mailbox);
        s.deliver("CENTER_NOW");
        neighbour.deliver("CENTER_NOW");
        s.awaitMails(s.primary.email(), 1);
        neighbour.awaitMails(neighbour.primary.email(), 1);
        String id = s.alert().getString("id");
        io.vertx.mutiny.sqlclient.Tuple alertId = io.vertx.mutiny.sqlclient.Tuple.of(java.util.UUID.fromString(id));
        String policy = pool.preparedQuery("SELECT policy FROM alert WHERE id = $1").executeAndAwait(alertId).iterator()
                .next().getString(0);
        // The stored policy snapshot is damaged: every step of this alert fails from now on.
        pool.preparedQuery("UPDATE alert SET policy = '{damaged' WHERE id = $1").executeAndAwait(alertId);

        TestClock.advance(Duration.ofMinutes(5).plusSeconds(1));
        // The neighbour's backup is paged on time; the damaged alert pages its fallback after three failures, once.
        neighbour.awaitMails(neighbour.backup.email(), 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> s.mailsTo(s.fallback).size() == 1);
        JsonPath failing = s.alert(id);
        assertThat(failing.getList("timeline.type"), hasItems(TimelineType.STEP_FAILED.name(), "FALLBACK_PAGED"));
        assertThat(s.mailsTo(s.backup), empty());

        TestClock.advance(Duration.ofSeconds(61));
        int flagged = overdue.scanNow().await().atMost(Duration.ofSeconds(10));
        assertThat(flagged, greaterThanOrEqualTo(1));
        JsonPath reported = s.alert(id);
        assertThat(reported.getList("timeline.type"), hasItem(TimelineType.STEP_OVERDUE.name()));
        assertThat(reported.getList("timeline.detail"), hasItem(containsString("s late (the escalation step failed")));
        assertThat(registry.get("alert.escalation.overdue").gauge().value(), greaterThanOrEqualTo(1.0));
        // Reported once, and the fallback paged once however long the failures go on.
        overdue.scanNow().await().atMost(Duration.ofSeconds(10));
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        List<String> types = s.alert(id).getList("timeline.type");
        assertThat(types.stream().filter(TimelineType.STEP_OVERDUE.name()::equals).count(), equalTo(1L));
        assertThat(s.mailsTo(s.fallback), hasSize(1));
        assertThat(neighbour.alert().getList("timeline.type"), not(hasItem(TimelineType.STEP_OVERDUE.name())));
        // Repaired, the step goes on (the backup is paged) and the alert no longer counts as overdue.
        pool.preparedQuery("UPDATE alert SET policy = $2 WHERE id = $1")
                .executeAndAwait(io.vertx.mutiny.sqlclient.Tuple.of(java.util.UUID.fromString(id), policy));
        s.awaitMails(s.backup.email(), 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> s.alert(id).getString("status").equals("TRIGGERED")
                && overdue.scanNow().await().atMost(Duration.ofSeconds(5)) == 0
                && registry.get("alert.escalation.overdue").gauge().value() == 0.0);
        given().auth().oauth2(TestTokens.token(s.primary.subject(), "clinician")).contentType("application/json")
                .body("{\"outcome\":\"FALSE_ALARM\"}").post("/api/v1/alerts/" + id + "/resolve").then().statusCode(200);
    }

    /** Mails to the address about this alert (the console link names it). */
    private List<Mail> pagesOf(String address, String alertId) {
        return mailbox.getMailsSentTo(address).stream().filter(m -> m.getText().contains(alertId)).toList();
    }
}
