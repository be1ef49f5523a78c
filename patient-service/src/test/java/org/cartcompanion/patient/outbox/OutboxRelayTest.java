package org.cartcompanion.patient.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.cartcompanion.patient.support.AlertStub;
import org.cartcompanion.patient.support.Fixtures;
import org.cartcompanion.patient.support.Outbox;
import org.cartcompanion.support.metrics.BacklogGauges;
import org.cartcompanion.support.testing.ScrapedMetrics;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class OutboxRelayTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Chicago"));
    private static final Map<String, String> TRIAGE = Map.of("event", "TRIAGE_EVENT");

    @Inject
    BacklogGauges backlogs;

    @AfterEach
    void alertServiceUpAgain() {
        AlertStub.accepting();
    }

    String feverCheckIn() {
        UUID center = UUID.randomUUID();
        String subject = Fixtures.unique("patient");
        String patientId = Fixtures.enroll(center, subject, TODAY.minusDays(5));
        return given().auth().oauth2(TestTokens.token(subject, "patient")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("""
                        {"recordedAt":"%s","temperature":{"value":38.6,"unit":"C","method":"ORAL"},"antipyreticLast6h":false}"""
                        .formatted(OffsetDateTime.now().minusMinutes(1)))
                .post("/api/v1/patients/" + patientId + "/check-ins")
                .then().statusCode(201).extract().path("id");
    }

    List<LoggedRequest> deliveriesOf(String checkInId) {
        return AlertStub.server().findAll(postRequestedFor(urlPathEqualTo("/internal/v1/triage-events"))
                .withRequestBody(
                        matchingJsonPath("$.checkInId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(checkInId))));
    }

    static void await(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void anAlertWorthyCheckInReachesAlertServiceRightAfterCommitWithAServiceToken() throws Exception {
        String checkInId = feverCheckIn();
        await(Duration.ofSeconds(5), () -> !deliveriesOf(checkInId).isEmpty(), "the delivery");
        LoggedRequest delivered = deliveriesOf(checkInId).get(0);
        assertTrue(delivered.getHeader("Authorization").startsWith("Bearer "));
        AlertStub.server().verify(postRequestedFor(urlPathEqualTo("/internal/v1/triage-events"))
                .withRequestBody(
                        matchingJsonPath("$.checkInId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(checkInId)))
                .withRequestBody(matchingJsonPath("$.disposition",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("CENTER_NOW")))
                .withRequestBody(matchingJsonPath("$.eventId"))
                .withRequestBody(matchingJsonPath("$.occurredAt")));
        await(Duration.ofSeconds(5), () -> Outbox.forCheckIn(checkInId).get(0).deliveredAt != null, "delivered_at");
    }

    @Test
    void alertServiceDownLosesNothingAndDuplicatesNothing() throws Exception {
        AlertStub.down();
        String checkInId = feverCheckIn();
        await(Duration.ofSeconds(10), () -> deliveriesOf(checkInId).size() >= 3, "three failed attempts");
        OutboxEvent waiting = Outbox.forCheckIn(checkInId).get(0);
        assertEquals(null, waiting.deliveredAt);
        assertTrue(waiting.attempts >= 2, "attempts " + waiting.attempts);
        assertNotNull(waiting.lastError);

        AlertStub.accepting();
        await(Duration.ofSeconds(10), () -> Outbox.forCheckIn(checkInId).get(0).deliveredAt != null,
                "the delivery after recovery");
        int attemptsAtDelivery = deliveriesOf(checkInId).size();
        Thread.sleep(1500);
        // Delivered once confirmed: no further attempts.
        assertEquals(attemptsAtDelivery, deliveriesOf(checkInId).size());
        String eventId = Outbox.forCheckIn(checkInId).get(0).id.toString();
        deliveriesOf(checkInId).forEach(r -> assertTrue(r.getBodyAsString().contains(eventId), "same event id every time"));
    }

    @Test
    void theMetricsShowWhatWaitsDuringAnOutageAndHowLateItReachedAlertService() throws Exception {
        ScrapedMetrics before = ScrapedMetrics.read();
        String fast = feverCheckIn();
        await(Duration.ofSeconds(5), () -> Outbox.forCheckIn(fast).get(0).deliveredAt != null, "the first delivery");
        await(Duration.ofSeconds(5), () -> lag(ScrapedMetrics.read(), "5.0") > lag(before, "5.0"), "the first one counted");

        AlertStub.down();
        String slow = feverCheckIn();
        await(Duration.ofSeconds(10), () -> deliveriesOf(slow).size() >= 3, "three failed attempts");
        Thread.sleep(1000);
        backlogs.readNow().await().atMost(Duration.ofSeconds(5));
        ScrapedMetrics waiting = ScrapedMetrics.read();
        assertTrue(waiting.sum("cart_backlog_rows", Map.of("backlog", "outbox")) >= 1, "the event waits in the backlog");
        assertTrue(waiting.sum("cart_backlog_oldest_age_seconds", Map.of("backlog", "outbox")) >= 1,
                "for as long as alert-service has been down");

        AlertStub.accepting();
        await(Duration.ofSeconds(10), () -> Outbox.forCheckIn(slow).get(0).deliveredAt != null, "the delivery after recovery");
        await(Duration.ofSeconds(5), () -> ScrapedMetrics.read().sum("cart_checkin_to_alert_seconds_count", TRIAGE) > waiting
                .sum("cart_checkin_to_alert_seconds_count", TRIAGE), "the late one counted");
        ScrapedMetrics after = ScrapedMetrics.read();
        assertEquals(lag(waiting, "1.0"), lag(after, "1.0"), "it took more than a second, and counts so");
        assertTrue(after.sum("http_server_requests_seconds_bucket", Map.of("method", "POST",
                "uri", "/api/v1/patients/{id}/check-ins", "le", "+Inf")) >= 2, "check-ins' answers are a histogram too");
    }

    private static double lag(ScrapedMetrics m, String le) {
        return m.sum("cart_checkin_to_alert_seconds_bucket", Map.of("event", "TRIAGE_EVENT", "le", le));
    }

    @Test
    void eventsQueuedDuringAnOutageGoOutWithinSecondsOfItsEndNotAfterTheirBackoff() throws Exception {
        AlertStub.down();
        List<String> checkIns = List.of(feverCheckIn(), feverCheckIn(), feverCheckIn());
        for (String id : checkIns) {
            await(Duration.ofSeconds(10), () -> !deliveriesOf(id).isEmpty(), "a failed attempt");
        }
        // A long outage has pushed every retry an hour away.
        Thread.sleep(500);
        checkIns.forEach(id -> Outbox.postpone(id, 3600));

        AlertStub.accepting();
        Instant back = Instant.now();
        // The relay probes with the first waiting event; when it goes through, the others are brought forward.
        for (String id : checkIns) {
            await(Duration.ofSeconds(15), () -> Outbox.forCheckIn(id).get(0).deliveredAt != null, "the delivery of " + id);
        }
        Duration took = Duration.between(back, Instant.now());
        assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "delivered " + took + " after alert-service returned");
    }
}
