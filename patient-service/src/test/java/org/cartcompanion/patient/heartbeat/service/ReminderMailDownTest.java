package org.cartcompanion.patient.heartbeat.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.cartcompanion.patient.invitation.service.InvitationMailer;
import org.cartcompanion.patient.support.Fixtures;
import org.cartcompanion.patient.support.Outbox;
import org.cartcompanion.support.testing.SmtpRelay;
import org.cartcompanion.support.testing.SmtpRelayResource;
import org.cartcompanion.support.testing.TestTokens;
import org.cartcompanion.support.work.PassReport;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * With a real SMTP relay that is away when a reminder is due: the reminder's claim is given back (nobody was reached), the
 * check is tried again, and once the relay is back the patient is reminded, once; the center is not alerted in its place.
 */
@QuarkusTest
@TestProfile(ReminderMailDownTest.RealSmtp.class)
class ReminderMailDownTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private static SmtpRelay smtp() {
        return SmtpRelayResource.relay();
    }

    public static class RealSmtp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.mock", "false", "patient.heartbeat.send-timeout", "PT3S");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SmtpRelayResource.class));
        }
    }

    @Inject
    HeartbeatService heartbeat;

    @Inject
    InvitationMailer invitationMails;

    @Inject
    Pool pool;

    int failedAttempts(String patientId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> pool
                .preparedQuery("SELECT attempts FROM invitation WHERE patient_id = $1 AND last_error IS NOT NULL")
                .execute(Tuple.of(UUID.fromString(patientId)))
                .map(rows -> rows.size() == 0 ? 0 : rows.iterator().next().getInteger("attempts")));
    }

    PassReport run(Instant at) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> heartbeat.runPass(at));
    }

    @Test
    void aReminderNobodyCouldBeSentIsSentOnceTheRelayIsBack() throws Throwable {
        UUID center = UUID.randomUUID();
        String subject = Fixtures.unique("patient");
        String email = subject + "@example.org";
        String patientId = given().auth().oauth2(Fixtures.coordinatorOf(center)).contentType(ContentType.JSON)
                .body(Fixtures.enrollmentJson(center, subject, LocalDate.now(CHICAGO).minusDays(5))
                        .replace("ana@example.org", email))
                .post("/api/v1/patients").then().statusCode(201).extract().path("id");
        // Overdue (P1: 12 h) and past any night-time hold.
        Instant late = Instant.now().plus(Duration.ofHours(12 + 10));

        smtp().stop();
        try {
            run(late);
        } finally {
            smtp().start();
        }
        assertEquals(0, smtp().received(email));

        // The check is tried again a minute later; the claim was given back, so this time the reminder goes.
        run(late.plus(Duration.ofMinutes(2)));
        assertEquals(1, smtp().received(email));
        run(late.plus(Duration.ofMinutes(4)));
        assertEquals(1, smtp().received(email), "reminded once");
        assertEquals(0, Outbox.forCheckIn(patientId).size(), "the center is not alerted for the relay's outage");
    }

    /** An invitation whose mail the relay could not take: its first attempt has failed. */
    record Invited(String coordinator, String patientId, String email, String id, String code) {
    }

    Invited invitedWhileTheRelayIsDown() throws Throwable {
        UUID center = UUID.randomUUID();
        String coordinator = Fixtures.coordinatorOf(center);
        String patientId = Fixtures.enroll(center, Fixtures.unique("patient"), LocalDate.now(CHICAGO).minusDays(5));
        String email = Fixtures.unique("caregiver") + "@example.org";
        smtp().stop();
        try {
            var created = given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                    .body("{\"for\":\"CAREGIVER\",\"name\":\"Luis P.\",\"relationship\":\"SPOUSE\",\"email\":\"" + email
                            + "\"}")
                    .post("/api/v1/patients/" + patientId + "/invitations").then().statusCode(201).extract().jsonPath();
            // Tried at once (after the commit) and by this pass, whichever comes first; wait for the failed attempt.
            VertxContextSupport.subscribeAndAwait(() -> invitationMails.sendDue(Instant.now()));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (failedAttempts(patientId) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(1, failedAttempts(patientId));
            return new Invited(coordinator, patientId, email, created.getString("id"), created.getString("code"));
        } finally {
            smtp().start();
        }
    }

    @Test
    void anInvitationMailTheRelayRefusedGoesOnceTheRelayIsBackAndItsCodeStillWorks() throws Throwable {
        Invited invited = invitedWhileTheRelayIsDown();
        assertEquals(0, smtp().received(invited.email()));

        // Retried after its backoff (10 s, doubling, with jitter): well within a minute.
        Instant later = Instant.now().plus(Duration.ofMinutes(1));
        VertxContextSupport.subscribeAndAwait(() -> invitationMails.sendDue(later));
        assertEquals(1, smtp().received(invited.email()));
        VertxContextSupport.subscribeAndAwait(() -> invitationMails.sendDue(later.plus(Duration.ofMinutes(10))));
        assertEquals(1, smtp().received(invited.email()), "mailed once");
        given().auth().oauth2(TestTokens.token(Fixtures.unique("cg"), "caregiver"))
                .post("/api/v1/invitations/" + invited.code() + "/accept").then().statusCode(200);
    }

    @Test
    void anInvitationWithdrawnBeforeItsMailCouldGoIsNeverMailed() throws Throwable {
        Invited invited = invitedWhileTheRelayIsDown();
        given().auth().oauth2(invited.coordinator())
                .delete("/api/v1/patients/" + invited.patientId() + "/invitations/" + invited.id()).then().statusCode(204);
        VertxContextSupport.subscribeAndAwait(() -> invitationMails.sendDue(Instant.now().plus(Duration.ofMinutes(30))));
        assertEquals(0, smtp().received(invited.email()));
    }
}
