package org.cartcompanion.patient.erasure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.cartcompanion.patient.support.AlertStub;
import org.cartcompanion.patient.support.Fixtures;
import org.cartcompanion.patient.support.Outbox;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A withdrawn patient's identifying data is erased on request; what registry reporting needs stays. */
@QuarkusTest
class ErasureTest {

    @jakarta.inject.Inject
    org.cartcompanion.patient.push.repository.PushSubscriptionRepository subscriptions;

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Chicago"));

    @Test
    void aWithdrawnPatientIsErasedEverywhereAndTheirInfectionRecordsStay() throws InterruptedException {
        UUID center = UUID.randomUUID();
        String coordinator = Fixtures.coordinatorOf(center);
        String subject = Fixtures.unique("patient");
        String id = Fixtures.enroll(center, subject, TODAY.minusDays(20));
        String caregiver = Fixtures.unique("cg");
        Fixtures.linkCaregiver(id, subject, caregiver);
        // The patient's phone asked for reminders by web push.
        String endpoint = "https://push.example.net/send/" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.token(subject, "patient")).contentType(ContentType.JSON)
                .body("""
                        {"endpoint":"%s","keys":{"p256dh":"BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4",
                         "auth":"BTBZMqHH6r4Tts7J_aSIgg"}}"""
                        .formatted(endpoint))
                .put("/api/v1/me/push-subscriptions")
                .then().statusCode(204);
        assertEquals(1L, subscriptions(endpoint));
        String invitation = given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"for\":\"CAREGIVER\",\"name\":\"Marta P.\",\"relationship\":\"CHILD\",\"phone\":\"+15550101\"}")
                .post("/api/v1/patients/" + id + "/invitations").then().statusCode(201).extract().path("code");
        // A fever: the check-in's triage event (with the patient's phone) goes to alert-service through the outbox.
        String checkIn = given().auth().oauth2(TestTokens.token(subject, "patient")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"recordedAt\":\"%s\",\"temperature\":{\"value\":38.6,\"unit\":\"C\",\"method\":\"ORAL\"},"
                        .formatted(OffsetDateTime.now()) + "\"note\":\"my neighbour Ana drove me\"}")
                .post("/api/v1/patients/" + id + "/check-ins").then().statusCode(201).extract().path("id");
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Outbox.forCheckIn(checkIn).stream().noneMatch(e -> e.deliveredAt != null)) {
            assertTrue(System.nanoTime() < until, "the triage event is delivered");
            Thread.sleep(100);
        }
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("""
                {"onsetDate":"%s","diagnosisDate":"%s","pathogenClass":"BACTERIAL","sites":["BLOODSTREAM"],
                 "documentationLevel":"MICROBIOLOGICAL","severityCtcae":3,"attribution":"INFECTION",
                 "treatmentRequired":true,"outcome":"ONGOING"}""".formatted(TODAY.minusDays(3), TODAY.minusDays(2)))
                .post("/api/v1/patients/" + id + "/infections").then().statusCode(201);

        // Only once withdrawn, and only by the center's coordinator.
        given().auth().oauth2(coordinator).post("/api/v1/patients/" + id + "/erasure").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"status\":\"WITHDRAWN\"}")
                .put("/api/v1/patients/" + id + "/status").then().statusCode(200);
        given().auth().oauth2(TestTokens.token(subject, "patient")).post("/api/v1/patients/" + id + "/erasure").then()
                .statusCode(403);

        // alert-service down: nothing is erased.
        AlertStub.erasure(UUID.fromString(id), false);
        given().auth().oauth2(coordinator).post("/api/v1/patients/" + id + "/erasure").then().statusCode(503);
        given().auth().oauth2(TestTokens.token(subject, "patient")).get("/api/v1/patients/" + id).then().statusCode(200);

        AlertStub.erasure(UUID.fromString(id), true);
        given().auth().oauth2(coordinator).post("/api/v1/patients/" + id + "/erasure").then().statusCode(200)
                .body("displayName", equalTo("Erased patient")).body("email", nullValue()).body("phone", nullValue())
                .body("externalId", nullValue()).body("subject", equalTo("erased:" + id)).body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(TestTokens.token(subject, "patient")).get("/api/v1/patients/" + id).then().statusCode(404);
        given().auth().oauth2(TestTokens.token(caregiver, "caregiver")).get("/api/v1/patients/" + id).then().statusCode(404);
        given().auth().oauth2(coordinator).get("/api/v1/patients/" + id + "/check-ins").then().statusCode(200)
                .body("items[0].note", nullValue());
        assertTrue(Outbox.forCheckIn(checkIn).isEmpty(), "the delivered payload is erased");
        given().auth().oauth2(coordinator).get("/api/v1/patients/" + id + "/infections").then().statusCode(200)
                .body("items[0].recorded.pathogenClass", equalTo("BACTERIAL"));
        // The pending invitation is withdrawn and no longer names whom it invited.
        given().auth().oauth2(TestTokens.token(Fixtures.unique("cg"), "caregiver"))
                .post("/api/v1/invitations/" + invitation + "/accept").then().statusCode(410);
        given().auth().oauth2(coordinator).get("/api/v1/patients/" + id + "/invitations").then().statusCode(200)
                .body("items[0].status", equalTo("WITHDRAWN")).body("items[0].name", nullValue())
                .body("items[0].phone", nullValue());
        assertEquals(0L, subscriptions(endpoint), "the patient's browsers are forgotten");
        // Repeating it changes nothing more.
        given().auth().oauth2(coordinator).post("/api/v1/patients/" + id + "/erasure").then().statusCode(200);
    }

    private long subscriptions(String endpoint) {
        try {
            return io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> io.quarkus.hibernate.reactive.panache.Panache
                    .withSession(() -> subscriptions.count("endpoint", endpoint)));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
