package org.cartcompanion.alert.escalation.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.cartcompanion.alert.support.Scenario;
import org.cartcompanion.alert.support.Stubs;
import org.cartcompanion.alert.support.Subsequence;
import org.cartcompanion.alert.support.TestClock;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The main flow against the real engine, poller and dispatcher, with care-team-service played by WireMock. */
@QuarkusTest
class EscalationFlowTest {

    @Inject
    MockMailbox mailbox;

    @Test
    void aFeverPagesThePrimaryThenTheBackupUntilSomeoneAcknowledgesThroughTheLink() {
        Scenario s = new Scenario(mailbox);
        s.deliver("CENTER_NOW", "FEVER_P1", "M1");

        Mail page = s.awaitMails(s.primary.email(), 1).get(0);
        assertThat(page.getSubject(), equalTo("CAR-T alert: CENTER_NOW, day 5 after CAR-T infusion - please acknowledge"));
        assertThat(page.getText(), allOf(containsString("AXI_CEL"), containsString("38.4 °C oral; RIGORS"),
                containsString("FEVER_P1, M1"), containsString("+15550123"), containsString("/api/v1/alerts/ack-links/"),
                containsString("/console/alerts/")));
        assertThat(s.mailsTo(s.backup), empty());
        JsonPath alert = s.alert();
        assertThat(alert.getString("status"), equalTo("TRIGGERED"));
        assertThat(alert.getInt("level"), equalTo(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> "SENT".equals(s.alert(alert.getString("id"))
                .getString("deliveries[0].status")));
        JsonPath delivered = s.alert(alert.getString("id"));
        assertThat(delivered.getString("deliveries[0].address"), equalTo(s.primary.email()));
        assertThat(delivered.getString("deliveries[0].channel"), equalTo("EMAIL"));
        assertThat(delivered.getString("deliveries[0].purpose"), equalTo("PAGE"));
        assertThat(delivered.getInt("deliveries[0].attempts"), equalTo(1));

        // Nobody answers within the default five minutes: the backup is paged.
        TestClock.advance(Duration.ofMinutes(5).plusSeconds(1));
        Mail second = s.awaitMails(s.backup.email(), 1).get(0);
        assertThat(s.alert(alert.getString("id")).getInt("level"), equalTo(2));

        // The backup opens the link: a confirmation page that changes nothing (mail scanners open links too).
        String link = Scenario.ackLink(second);
        given().get(link).then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("Acknowledge this CAR-T alert?"), containsString("<form method=\"post\">"));
        assertThat(s.alert(alert.getString("id")).getString("status"), equalTo("TRIGGERED"));
        given().post(link).then().statusCode(200).body(containsString("Acknowledged"));
        JsonPath acknowledged = s.alert(alert.getString("id"));
        assertThat(acknowledged.getString("status"), equalTo("ACKNOWLEDGED"));
        assertThat(acknowledged.getString("acknowledgedBy"), equalTo(s.backup.name()));

        // The chain has stopped: the next level's time passes and nobody else is paged.
        TestClock.advance(Duration.ofMinutes(11));
        await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(13)).until(() -> true);
        assertThat(s.mailsTo(s.primary), hasSize(1));
        assertThat(s.mailsTo(s.backup), hasSize(1));

        // Reused link: a clear page, nothing changes.
        given().post(link).then().statusCode(410).body(containsString("already used"));

        given().auth().oauth2(s.token(s.backup, "clinician")).contentType(ContentType.JSON)
                .body("{\"outcome\":\"COME_TO_CENTER\",\"note\":\"Coming in now\"}")
                .post("/api/v1/alerts/" + alert.getString("id") + "/resolve").then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("outcome", equalTo("COME_TO_CENTER"));
        List<String> types = s.alert(alert.getString("id")).getList("timeline.type");
        assertThat(types, Subsequence.of("OPENED", "LEVEL_PAGED", "NOTIFIED", "LEVEL_PAGED", "NOTIFIED",
                "ACKNOWLEDGED", "RESOLVED"));
    }

    @Test
    void thePatientReadsTheStatusAndNotTheTimeline() {
        Scenario s = new Scenario(mailbox);
        s.deliver("CENTER_NOW");
        String id = s.alert().getString("id");
        Stubs.patientsOf("patient-" + s.patientId, s.patientId);
        given().auth().oauth2(TestTokens.token("patient-" + s.patientId, "patient"))
                .get("/api/v1/alerts/" + id).then().statusCode(200).body("status", equalTo("TRIGGERED"))
                .body("timeline", nullValue()).body("summary", nullValue())
                .body("patientMessage", containsString("paged"));

        // "Dr X acknowledged 02:13": the name, and the time in the patient's zone.
        String acknowledgedAt = given().auth().oauth2(s.token(s.primary, "clinician"))
                .post("/api/v1/alerts/" + id + "/acknowledge").then().statusCode(200).extract().path("acknowledgedAt");
        String local = java.time.OffsetDateTime.parse(acknowledgedAt).atZoneSameInstant(java.time.ZoneId.of("America/Chicago"))
                .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
        given().auth().oauth2(TestTokens.token("patient-" + s.patientId, "patient")).get("/api/v1/alerts/" + id).then()
                .statusCode(200).body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo(s.primary.name()))
                .body("patientMessage", equalTo(s.primary.name() + " acknowledged (" + local
                        + ") and will contact you. If you feel worse, call the center at +15550199."));
    }

    @Test
    void anUnansweredChainIsExhaustedThePatientToldToGoToTheNearestEmergencyDepartment() {
        Scenario s = new Scenario(mailbox);
        s.deliver("CENTER_NOW");
        s.awaitMails(s.primary.email(), 1);
        // Default policy: primary, backup, then once more, then the hotline.
        TestClock.advance(Duration.ofMinutes(5).plusSeconds(1));
        s.awaitMails(s.backup.email(), 1);
        TestClock.advance(Duration.ofMinutes(5).plusSeconds(1));
        s.awaitMails(s.primary.email(), 2);
        TestClock.advance(Duration.ofMinutes(5).plusSeconds(1));
        s.awaitMails(s.backup.email(), 2);
        TestClock.advance(Duration.ofMinutes(5).plusSeconds(1));
        Mail fallback = s.awaitMails(s.fallback, 1).get(0);
        assertThat(fallback.getSubject(), startsWith("NO ANSWER to CAR-T alert: CENTER_NOW"));
        assertThat(s.mailsTo(s.primary), hasSize(2));
        assertThat(s.mailsTo(s.backup), hasSize(2));
        JsonPath alert = s.alert();
        assertThat(alert.getString("status"), equalTo("EXHAUSTED"));

        Stubs.patientsOf("patient-" + s.patientId, s.patientId);
        given().auth().oauth2(TestTokens.token("patient-" + s.patientId, "patient"))
                .get("/api/v1/alerts/" + alert.getString("id")).then().statusCode(200)
                .body("status", equalTo("EXHAUSTED"))
                .body("patientMessage", equalTo("No answer yet: call the center at +15550199. If nobody answers, go to the "
                        + "nearest emergency department and show your CAR-T wallet card."));

        // Still nobody: the fallback is paged again until someone answers.
        TestClock.advance(Duration.ofMinutes(15).plusSeconds(1));
        s.awaitMails(s.fallback, 2);
    }

    @Test
    void anEqualCheckInAppendsAndAWorseOneRenotifiesAndRestartsTheChain() {
        Scenario s = new Scenario(mailbox);
        s.deliver("CENTER_SAME_DAY");
        s.awaitMails(s.primary.email(), 1);
        TestClock.advance(Duration.ofMinutes(5).plusSeconds(1));
        s.awaitMails(s.backup.email(), 1);

        s.deliver("CENTER_SAME_DAY");
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(12)).until(() -> true);
        assertThat(s.mailsTo(s.primary), hasSize(1));
        assertThat(s.mailsTo(s.backup), hasSize(1));
        JsonPath appended = s.alert();
        assertThat(appended.getList("timeline.type"), hasItems("EVENT_APPENDED"));

        s.deliver("EMERGENCY", "E3");
        Mail worse = s.awaitMails(s.primary.email(), 2).get(1);
        assertThat(worse.getSubject(), startsWith("CAR-T alert WORSE: EMERGENCY"));
        JsonPath raised = s.alert(appended.getString("id"));
        assertThat(raised.getString("disposition"), equalTo("EMERGENCY"));
        assertThat(raised.getInt("level"), equalTo(1));
        assertThat(raised.getString("id"), equalTo(appended.getString("id")));
        assertThat(raised.getList("timeline.type"), hasItems("DISPOSITION_RAISED"));
    }

    @Test
    void aCommunityAlertPagesTheCommunityPhysicianWithTheCenterCopied() {
        Scenario s = new Scenario(mailbox).communityResponsible();
        s.deliver("COMMUNITY_24H", "COUGH_P3");
        Mail page = s.awaitMails(s.community.email(), 1).get(0);
        Mail copy = s.awaitMails(s.primary.email(), 1).get(0);
        assertThat(page.getSubject(), startsWith("CAR-T alert: COMMUNITY_24H"));
        assertThat(copy.getSubject(), startsWith("Copy of CAR-T alert: COMMUNITY_24H"));
        assertThat(s.alert().getString("responsible"), equalTo("COMMUNITY"));

        // The community physician, named by the care team, acknowledges through the API.
        given().auth().oauth2(s.token(s.community, "community-physician"))
                .post("/api/v1/alerts/" + s.alert().getString("id") + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedBy", equalTo(s.community.name()));
    }

    @Test
    void acknowledgedButNotResolvedRemindsThenRetriggers() {
        Scenario s = new Scenario(mailbox);
        s.deliver("CENTER_NOW");
        s.awaitMails(s.primary.email(), 1);
        String id = s.alert().getString("id");
        given().auth().oauth2(s.token(s.primary, "clinician")).post("/api/v1/alerts/" + id + "/acknowledge").then()
                .statusCode(200);

        TestClock.advance(Duration.ofMinutes(60).plusSeconds(1));
        Mail reminder = s.awaitMails(s.primary.email(), 2).get(1);
        assertThat(reminder.getSubject(), startsWith("Reminder: acknowledged CAR-T alert not resolved"));
        assertThat(reminder.getText(), not(containsString("/ack-links/")));

        TestClock.advance(Duration.ofMinutes(60).plusSeconds(1));
        Mail again = s.awaitMails(s.primary.email(), 3).get(2);
        assertThat(again.getSubject(), startsWith("CAR-T alert: CENTER_NOW"));
        JsonPath alert = s.alert(id);
        assertThat(alert.getString("status"), equalTo("TRIGGERED"));
        assertThat(alert.getList("timeline.type"), hasItems("ACK_REMINDER", "UNACKNOWLEDGED"));
    }

    @Test
    void whileRoutingIsDownForACenterNeverStoredTheStepRetriesThenPagesThePolicysFallbackInstead() {
        Scenario s = new Scenario(mailbox);
        given().auth().oauth2(s.token(s.coordinator, "coordinator")).contentType(ContentType.JSON)
                .body("""
                        {"levels":[{"targets":["ON_CALL:PRIMARY"],"ackTimeoutSeconds":300}],"repeat":0,
                         "fallbackEmail":"%s"}""".formatted(s.fallback))
                .put("/api/v1/escalation-policies/" + s.centerId).then().statusCode(200);
        Stubs.routingFails(s.patientId);
        s.deliver("EMERGENCY", "E2");
        // Attempts 1 s and 2 s apart; the third failure pages the fallback.
        await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(s.mailsTo(s.fallback), empty());
        Mail page = s.awaitMails(s.fallback, 1).get(0);
        assertThat(page.getSubject(), startsWith("CAR-T alert: EMERGENCY"));
        assertThat(s.alert().getList("timeline.type"), hasItems("STEP_RETRYING", "ROUTING_UNAVAILABLE", "NO_RECIPIENT",
                "NOTIFIED"));
    }

    @Test
    void aPolicyNamingCliniciansDirectlyPagesThemWhileRoutingIsDown() {
        Scenario s = new Scenario(mailbox);
        given().auth().oauth2(s.token(s.coordinator, "coordinator")).contentType(ContentType.JSON)
                .body("""
                        {"levels":[{"targets":["CLINICIAN:%s"],"ackTimeoutSeconds":60}],"repeat":0}"""
                        .formatted(s.backup.clinicianId()))
                .put("/api/v1/escalation-policies/" + s.centerId).then().statusCode(200);
        Stubs.routingFails(s.patientId);
        s.deliver("CENTER_NOW");
        Mail page = s.awaitMails(s.backup.email(), 1).get(0);
        assertThat(page.getSubject(), startsWith("CAR-T alert: CENTER_NOW"));
    }
}
