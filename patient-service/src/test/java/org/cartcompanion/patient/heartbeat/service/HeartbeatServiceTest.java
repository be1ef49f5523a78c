package org.cartcompanion.patient.heartbeat.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.cartcompanion.patient.outbox.OutboxEvent;
import org.cartcompanion.patient.support.Fixtures;
import org.cartcompanion.patient.support.Outbox;
import org.cartcompanion.support.testing.TestTokens;
import org.cartcompanion.support.work.PassReport;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;

@QuarkusTest
class HeartbeatServiceTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Inject
    HeartbeatService heartbeat;

    @Inject
    MockMailbox mailbox;

    PassReport run(Instant at) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> heartbeat.runPass(at));
    }

    String enroll(String subject, int day, String email) {
        UUID center = UUID.randomUUID();
        return given().auth().oauth2(Fixtures.coordinatorOf(center)).contentType(ContentType.JSON)
                .body(Fixtures.enrollmentJson(center, subject, LocalDate.now(CHICAGO).minusDays(day))
                        .replace("ana@example.org", email))
                .post("/api/v1/patients").then().statusCode(201).extract().path("id");
    }

    @Test
    void anOverdueCheckInRemindsOnceThenAlertsTheCenterOnce() throws Throwable {
        UUID center = UUID.randomUUID();
        String subject = Fixtures.unique("patient");
        String patientEmail = subject + "@example.org";
        String patientId = given().auth().oauth2(Fixtures.coordinatorOf(center)).contentType(ContentType.JSON)
                .body(Fixtures.enrollmentJson(center, subject, LocalDate.now(CHICAGO).minusDays(5))
                        .replace("ana@example.org", patientEmail).replace("\"language\":\"es\"", "\"language\":\"en\""))
                .post("/api/v1/patients").then().statusCode(201).extract().path("id");
        String caregiver = Fixtures.unique("cg");
        given().auth().oauth2(TestTokens.token(subject, "patient")).contentType(ContentType.JSON)
                .body("{\"subject\":\"%s\",\"name\":\"Luis P.\",\"relationship\":\"SPOUSE\",\"email\":\"%s@example.org\"}"
                        .formatted(caregiver, caregiver))
                .post("/api/v1/patients/" + patientId + "/caregivers").then().statusCode(201);

        Instant enrolled = Instant.now();
        // P1: a check-in is due 12 h after enrollment; not before.
        run(enrolled.plus(Duration.ofHours(11)));
        assertEquals(0, mailbox.getMailsSentTo(patientEmail).size());

        // Overdue, and past any night-time hold: one reminder each to the patient and the caregiver.
        Instant late = enrolled.plus(Duration.ofHours(12 + 10));
        run(late);
        run(late.plusSeconds(60));
        List<Mail> toPatient = mailbox.getMailsSentTo(patientEmail);
        assertEquals(1, toPatient.size());
        assertTrue(toPatient.get(0).getSubject().contains("check-in"), toPatient.get(0).getSubject());
        assertTrue(toPatient.get(0).getText().contains("call 911"), toPatient.get(0).getText());
        assertEquals(1, mailbox.getMailsSentTo(caregiver + "@example.org").size());
        assertEquals(0, Outbox.forCheckIn(patientId).size(), () -> Outbox.forCheckIn(patientId).get(0).payload);

        // Still nothing two hours after the reminder: the center hears of it, once.
        run(late.plus(Duration.ofHours(2)).plusSeconds(60));
        run(late.plus(Duration.ofHours(2)).plusSeconds(120));
        List<OutboxEvent> events = Outbox.forCheckIn(patientId);
        assertEquals(1, events.size());
        assertTrue(events.get(0).payload.contains("\"firedRules\":[\"MISSED_CHECK_IN\"]"), events.get(0).payload);
        assertTrue(events.get(0).payload.contains("\"disposition\":\"CENTER_SAME_DAY\""), events.get(0).payload);
        assertTrue(events.get(0).payload.contains("\"checkInId\":null"), events.get(0).payload);
    }

    @Test
    void aCheckInResetsTheClockAndLatePhasesEscalateToTheCommunity() throws Throwable {
        String subject = Fixtures.unique("patient");
        String email = subject + "@example.org";
        String patientId = enroll(subject, 200, email);
        given().auth().oauth2(TestTokens.token(subject, "patient")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"recordedAt\":\"%s\",\"symptoms\":[]}".formatted(OffsetDateTime.now()))
                .post("/api/v1/patients/" + patientId + "/check-ins").then().statusCode(201);
        Instant now = Instant.now();
        // P4: weekly. Six days on, nothing is due.
        run(now.plus(Duration.ofDays(6)));
        assertEquals(0, mailbox.getMailsSentTo(email).size());
        Instant late = now.plus(Duration.ofDays(7)).plus(Duration.ofHours(10));
        run(late);
        assertEquals(1, mailbox.getMailsSentTo(email).size());
        assertTrue(mailbox.getMailsSentTo(email).get(0).getSubject().contains("CAR-T"));
        run(late.plus(Duration.ofHours(3)));
        List<OutboxEvent> events = Outbox.forCheckIn(patientId);
        assertEquals(1, events.size());
        assertTrue(events.get(0).payload.contains("\"disposition\":\"COMMUNITY_24H\""), events.get(0).payload);
    }

    @Test
    void onlyActivePatientsAreRemindedAndAnUnlinkedCaregiverIsNot() throws Throwable {
        UUID center = UUID.randomUUID();
        String coordinator = Fixtures.coordinatorOf(center);
        String subject = Fixtures.unique("patient");
        String email = subject + "@example.org";
        String patientId = given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(Fixtures.enrollmentJson(center, subject, LocalDate.now(CHICAGO).minusDays(5))
                        .replace("ana@example.org", email))
                .post("/api/v1/patients").then().statusCode(201).extract().path("id");
        String caregiver = Fixtures.unique("cg");
        given().auth().oauth2(TestTokens.token(subject, "patient")).contentType(ContentType.JSON)
                .body("{\"subject\":\"%s\",\"name\":\"Luis P.\",\"relationship\":\"SPOUSE\",\"email\":\"%s@example.org\"}"
                        .formatted(caregiver, caregiver))
                .post("/api/v1/patients/" + patientId + "/caregivers").then().statusCode(201);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"status\":\"DISCHARGED\",\"reason\":\"Transferred to hospice care\"}")
                .put("/api/v1/patients/" + patientId + "/status").then().statusCode(200)
                .body("status", equalTo("DISCHARGED")).body("statusReason", equalTo("Transferred to hospice care"));

        Instant late = Instant.now().plus(Duration.ofHours(12 + 10));
        run(late);
        run(late.plus(Duration.ofHours(3)));
        assertEquals(0, mailbox.getMailsSentTo(email).size());
        assertEquals(0, Outbox.forCheckIn(patientId).size());

        // Back to ACTIVE, with the caregiver unlinked meanwhile: the patient alone is reminded.
        given().auth().oauth2(TestTokens.token(subject, "patient"))
                .delete("/api/v1/patients/" + patientId + "/caregivers/" + caregiver).then().statusCode(204);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"status\":\"ACTIVE\"}")
                .put("/api/v1/patients/" + patientId + "/status").then().statusCode(200).body("status", equalTo("ACTIVE"));
        run(late.plus(Duration.ofHours(4)));
        assertEquals(1, mailbox.getMailsSentTo(email).size());
        assertEquals(0, mailbox.getMailsSentTo(caregiver + "@example.org").size());
    }

    @Test
    void theStatusIsTheCoordinatorsToSetAndAnUnknownOneIsRefused() {
        UUID center = UUID.randomUUID();
        String subject = Fixtures.unique("patient");
        String patientId = Fixtures.enroll(center, subject, LocalDate.now(CHICAGO).minusDays(5));
        given().auth().oauth2(Fixtures.coordinatorOf(center)).contentType(ContentType.JSON).body("{\"status\":\"GONE\"}")
                .put("/api/v1/patients/" + patientId + "/status").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Fixtures.coordinatorOf(center)).contentType(ContentType.JSON).body("{}")
                .put("/api/v1/patients/" + patientId + "/status").then().statusCode(400);
        given().auth().oauth2(TestTokens.token(subject, "patient")).contentType(ContentType.JSON)
                .body("{\"status\":\"WITHDRAWN\"}").put("/api/v1/patients/" + patientId + "/status").then()
                .statusCode(403);
        given().auth().oauth2(Fixtures.coordinatorOf(UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"status\":\"WITHDRAWN\"}").put("/api/v1/patients/" + patientId + "/status").then()
                .statusCode(404);
        given().auth().oauth2(TestTokens.token(subject, "patient")).get("/api/v1/patients/" + patientId).then()
                .statusCode(200).body("status", equalTo("ACTIVE"));

        // Deceased: the record closes to the patient side; check-ins are no longer theirs to send.
        given().auth().oauth2(Fixtures.coordinatorOf(center)).contentType(ContentType.JSON)
                .body("{\"status\":\"DECEASED\"}").put("/api/v1/patients/" + patientId + "/status").then()
                .statusCode(200);
        given().auth().oauth2(TestTokens.token(subject, "patient")).get("/api/v1/patients/" + patientId).then()
                .statusCode(404);
        given().auth().oauth2(Fixtures.coordinatorOf(center)).get("/api/v1/patients/" + patientId).then()
                .statusCode(200).body("status", equalTo("DECEASED"));
    }

    @Test
    void remindersDueAtNightWaitForTheMorningInThePatientsZone() {
        Instant night = ZonedDateTime.of(2026, 11, 21, 23, 30, 0, 0, CHICAGO).toInstant();
        assertEquals(ZonedDateTime.of(2026, 11, 22, 7, 0, 0, 0, CHICAGO).toInstant(), heartbeat.reminderTime(night, CHICAGO));
        Instant early = ZonedDateTime.of(2026, 11, 21, 6, 59, 0, 0, CHICAGO).toInstant();
        assertEquals(ZonedDateTime.of(2026, 11, 21, 7, 0, 0, 0, CHICAGO).toInstant(), heartbeat.reminderTime(early, CHICAGO));
        Instant noon = ZonedDateTime.of(2026, 11, 21, 12, 0, 0, 0, CHICAGO).toInstant();
        assertEquals(noon, heartbeat.reminderTime(noon, CHICAGO));
        // The same instant is night in Tokyo.
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        assertEquals(ZonedDateTime.of(2026, 11, 22, 7, 0, 0, 0, tokyo).toInstant(), heartbeat.reminderTime(noon, tokyo));
    }
}
