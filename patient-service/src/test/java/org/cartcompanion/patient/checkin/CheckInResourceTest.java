package org.cartcompanion.patient.checkin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.cartcompanion.patient.outbox.OutboxEvent;
import org.cartcompanion.patient.support.CareTeamStub;
import org.cartcompanion.patient.support.Fixtures;
import org.cartcompanion.patient.support.Outbox;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class CheckInResourceTest {

    private static final LocalDate TODAY_CHICAGO = LocalDate.now(ZoneId.of("America/Chicago"));

    UUID center;
    String subject;
    String patientId;
    String patientToken;

    @BeforeEach
    void enrollDay5Patient() {
        center = UUID.randomUUID();
        CareTeamStub.center(center, "Riverside CAR-T Center", "+15550199");
        subject = Fixtures.unique("patient");
        patientId = Fixtures.enroll(center, subject, TODAY_CHICAGO.minusDays(5));
        patientToken = TestTokens.token(subject, "patient");
    }

    static String now() {
        return OffsetDateTime.now(ZoneOffset.ofHours(-6)).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String fever(String recordedAt) {
        return """
                {"recordedAt":"%s","temperature":{"value":38.4,"unit":"C","method":"ORAL"},"antipyreticLast6h":false,
                 "vitals":{"spo2":95,"heartRate":104,"systolicBp":112,"respiratoryRate":18},
                 "symptoms":["RIGORS","COUGH"],"stoolsAboveBaseline":0,"iceScore":10,"note":"felt cold then shaking"}"""
                .formatted(recordedAt);
    }

    Response post(String token, String key, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/patients/" + patientId + "/check-ins");
    }

    int count() {
        return given().auth().oauth2(patientToken).get("/api/v1/patients/" + patientId + "/check-ins?limit=100")
                .then().statusCode(200).extract().path("items.size()");
    }

    @Test
    void aDay5FeverIsCenterNowWithAnOutboxEventForAlertService() {
        Response response = post(patientToken, UUID.randomUUID().toString(), fever(now()));
        response.then().statusCode(201)
                .header("Location", containsString("/api/v1/patients/" + patientId + "/check-ins/"))
                .body("reportedBy", equalTo("PATIENT"))
                .body("dayPostInfusion", equalTo(5))
                .body("phase", equalTo("P1_ACUTE"))
                .body("triage.disposition", equalTo("CENTER_NOW"))
                .body("triage.firedRules", hasItem("FEVER_P1"))
                .body("triage.ruleSetVersion", equalTo(org.cartcompanion.patient.triage.RuleSet.DEFAULT_VERSION))
                .body("triage.callNumber", equalTo("+15550199"))
                .body("triage.instructions", containsString("+15550199"))
                .body("alertRequested", equalTo(true))
                .body("receivedAt", notNullValue());
        String id = response.path("id");
        List<OutboxEvent> events = Outbox.forCheckIn(id);
        assertEquals(1, events.size());
        OutboxEvent event = events.get(0);
        assertEquals(OutboxEvent.TRIAGE_EVENT, event.eventType);
        assertTrue(event.payload.contains("\"disposition\":\"CENTER_NOW\""), event.payload);
        assertTrue(event.payload.contains("\"patientId\":\"" + patientId + "\""), event.payload);
        assertTrue(event.payload.contains("\"centerId\":\"" + center + "\""), event.payload);
        assertTrue(!event.payload.contains("Ana P."), "no name in the event");
        // What the clinician's page and the patient's alert status need.
        assertTrue(event.payload.contains("\"product\":\"AXI_CEL\""), event.payload);
        assertTrue(event.payload.contains("\"patientPhone\":\"+15550123\""), event.payload);
        assertTrue(event.payload.contains("\"language\":\"es\""), event.payload);
    }

    @Test
    void aSelfCareCheckInQueuesNoEvent() {
        String body = """
                {"recordedAt":"%s","temperature":{"value":98.4,"unit":"F","method":"ORAL"},"antipyreticLast6h":false}"""
                .formatted(now());
        String id = post(patientToken, UUID.randomUUID().toString(), body)
                .then().statusCode(201)
                .body("triage.disposition", equalTo("SELF_CARE"))
                .body("alertRequested", equalTo(false))
                .extract().path("id");
        assertEquals(0, Outbox.forCheckIn(id).size());
    }

    @Test
    void aLinkedCaregiverChecksInInSpanishAndAnUnlinkedOneCannot() {
        String caregiver = Fixtures.unique("cg");
        Fixtures.linkCaregiver(patientId, subject, caregiver);
        given().auth().oauth2(TestTokens.token(caregiver, "caregiver")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Accept-Language", "es-MX,es;q=0.9")
                .body(fever(now()))
                .post("/api/v1/patients/" + patientId + "/check-ins")
                .then().statusCode(201)
                .body("reportedBy", equalTo("CAREGIVER"))
                .body("triage.instructions", containsString("Llame ahora"));
        given().auth().oauth2(TestTokens.token(Fixtures.unique("cg"), "caregiver")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(fever(now()))
                .post("/api/v1/patients/" + patientId + "/check-ins")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theSameKeyAndBodyReplaysAndADifferentBodyIs422() {
        String key = UUID.randomUUID().toString();
        String recordedAt = now();
        String first = post(patientToken, key, fever(recordedAt)).then().statusCode(201).extract().path("id");
        // Same body, formatted differently: still a replay.
        post(patientToken, key,
                fever(recordedAt).replace("\n", " ").replace("[\"RIGORS\",\"COUGH\"]", "[\"COUGH\", \"RIGORS\"]"))
                        .then().statusCode(201)
                        .body("id", equalTo(first));
        post(patientToken, key, fever(recordedAt).replace("38.4", "38.9"))
                .then().statusCode(422)
                .contentType("application/problem+json");
        assertEquals(1, count());
        assertEquals(1, Outbox.forCheckIn(first).size());
    }

    @Test
    void twoIdenticalRequestsAtTheSameInstantStoreOneCheckIn() {
        String key = UUID.randomUUID().toString();
        String body = fever(now());
        CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> post(patientToken, key, body));
        CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> post(patientToken, key, body));
        Response ra = a.join();
        Response rb = b.join();
        assertEquals(201, ra.statusCode(), ra.asString());
        assertEquals(201, rb.statusCode(), rb.asString());
        assertEquals((String) ra.path("id"), (String) rb.path("id"));
        assertEquals(1, count());
    }

    @Test
    void theDecemberSymptomCodesAreAcceptedAndTriaged() {
        // clinical-rules.md §10.3, through the API: an emergency, a NOW row, and the worse-over-hours flag with a neuro sign.
        post(patientToken, UUID.randomUUID().toString(),
                "{\"recordedAt\":\"%s\",\"symptoms\":[\"VOMITING_BLOOD\"]}".formatted(now()))
                        .then().statusCode(201)
                        .body("triage.disposition", equalTo("EMERGENCY"))
                        .body("triage.firedRules", hasItem("E6"))
                        .body("triage.callNumber", equalTo("911"));
        post(patientToken, UUID.randomUUID().toString(),
                "{\"recordedAt\":\"%s\",\"temperature\":{\"value\":36.9,\"unit\":\"C\"},\"symptoms\":[\"COLD_CLAMMY_SKIN\"]}"
                        .formatted(now()))
                                .then().statusCode(201)
                                .body("triage.disposition", equalTo("CENTER_NOW"))
                                .body("triage.firedRules", hasItem("COLD_CLAMMY_SKIN_P1"));
        post(patientToken, UUID.randomUUID().toString(),
                "{\"recordedAt\":\"%s\",\"symptoms\":[\"HEADACHE\",\"WORSE_OVER_HOURS\",\"FLANK_PAIN\"]}".formatted(now()))
                        .then().statusCode(201)
                        // Day 5 with no ANC recorded counts as neutropenic: painful urination or flank pain is NOW (§10.2).
                        .body("triage.disposition", equalTo("CENTER_NOW"))
                        .body("triage.firedRules", hasItem("URINARY_NEUTROPENIC_P1"))
                        .body("alertRequested", equalTo(true));
        // Feeling unwell without a temperature: same day (G2), raised to NOW because no caregiver is recorded in P1 (M12),
        // and the instruction to take it now (the patient reads Spanish).
        post(patientToken, UUID.randomUUID().toString(),
                "{\"recordedAt\":\"%s\",\"symptoms\":[\"FEELS_UNWELL\"]}".formatted(now()))
                        .then().statusCode(201)
                        .body("triage.disposition", equalTo("CENTER_NOW"))
                        .body("triage.firedRules", hasItems("G2", "M12"))
                        .body("triage.instructions", containsString("Tómese la temperatura ahora"));
    }

    @Test
    void badInputIs4xxProblemJsonAndStoresNothing() {
        String ok = fever(now());
        post(patientToken, null, ok).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Idempotency-Key"));
        post(patientToken, "k".repeat(65), ok).then().statusCode(400);
        post(patientToken, UUID.randomUUID().toString(), ok.replace("38.4", "29.9")).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("temperature.valueInRange"));
        post(patientToken, UUID.randomUUID().toString(), ok.replace("38.4,\"unit\":\"C\"", "113.5,\"unit\":\"F\""))
                .then().statusCode(400);
        post(patientToken, UUID.randomUUID().toString(), ok.replace("\"unit\":\"C\"", "\"unit\":\"K\"")).then().statusCode(400);
        post(patientToken, UUID.randomUUID().toString(), ok.replace("RIGORS", "HICCUPS")).then().statusCode(400)
                .body("errors.field", hasItem("symptoms[0]"));
        post(patientToken, UUID.randomUUID().toString(), ok.replace("\"spo2\":95", "\"spo2\":49")).then().statusCode(400)
                .body("errors.field", hasItem("vitals.spo2"));
        post(patientToken, UUID.randomUUID().toString(), ok.replace("\"iceScore\":10", "\"iceScore\":11")).then()
                .statusCode(400);
        post(patientToken, UUID.randomUUID().toString(), ok.replace("felt cold then shaking", "x".repeat(1001))).then()
                .statusCode(400);
        post(patientToken, UUID.randomUUID().toString(), fever(OffsetDateTime.now().plusMinutes(10).toString()))
                .then().statusCode(400).body("detail", containsString("future"));
        post(patientToken, UUID.randomUUID().toString(), fever(OffsetDateTime.now().minusDays(8).toString()))
                .then().statusCode(400).body("detail", containsString("7 days"));
        post(patientToken, UUID.randomUUID().toString(), "{\"temperature\":{\"value\":38.0,\"unit\":\"C\"}}")
                .then().statusCode(400).body("errors.field", hasItem("recordedAt"));
        post(patientToken, UUID.randomUUID().toString(), "{\"recordedAt\": ").then().statusCode(400)
                .contentType("application/problem+json");
        post(patientToken, UUID.randomUUID().toString(), ok.replace("felt cold then shaking", "x".repeat(70_000)))
                .then().statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(patientToken).contentType(ContentType.TEXT).header("Idempotency-Key", "k").body(ok)
                .post("/api/v1/patients/" + patientId + "/check-ins")
                .then().statusCode(415).contentType("application/problem+json");
        assertEquals(0, count());
    }

    @Test
    void anotherPatientsIdIs404AndStaffCannotCheckIn() {
        String other = Fixtures.enroll(center, Fixtures.unique("patient"), TODAY_CHICAGO);
        given().auth().oauth2(patientToken).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(fever(now()))
                .post("/api/v1/patients/" + other + "/check-ins")
                .then().statusCode(404).contentType("application/problem+json");
        String clinician = Fixtures.unique("md");
        CareTeamStub.staff(clinician, center, "PHYSICIAN");
        given().auth().oauth2(TestTokens.token(clinician, "clinician")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(fever(now()))
                .post("/api/v1/patients/" + patientId + "/check-ins")
                .then().statusCode(403).contentType("application/problem+json");
        // Staff read them, though.
        given().auth().oauth2(TestTokens.token(clinician, "clinician"))
                .get("/api/v1/patients/" + patientId + "/check-ins")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void checkInsArePagedNewestFirst() {
        OffsetDateTime base = OffsetDateTime.now(ZoneOffset.UTC).minusHours(5).truncatedTo(ChronoUnit.SECONDS);
        String[] ids = new String[3];
        for (int i = 0; i < 3; i++) {
            ids[i] = post(patientToken, UUID.randomUUID().toString(), """
                    {"recordedAt":"%s","symptoms":["MOUTH_SORES"]}""".formatted(base.plusHours(i)))
                    .then().statusCode(201).extract().path("id");
        }
        String cursor = given().auth().oauth2(patientToken).get("/api/v1/patients/" + patientId + "/check-ins?limit=2")
                .then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(ids[2], ids[1]))
                .body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().auth().oauth2(patientToken).get("/api/v1/patients/" + patientId + "/check-ins?limit=2&cursor=" + cursor)
                .then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(ids[0]))
                .body("nextCursor", nullValue());
        given().auth().oauth2(patientToken).get("/api/v1/patients/" + patientId + "/check-ins/" + ids[1])
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .body("reported.symptoms", hasItem("MOUTH_SORES"));
        String other = Fixtures.enroll(center, Fixtures.unique("patient"), TODAY_CHICAGO);
        given().auth().oauth2(Fixtures.coordinatorOf(center)).get("/api/v1/patients/" + other + "/check-ins/" + ids[1])
                .then().statusCode(404);
    }

    @Test
    void triageDoesNotWaitForCareTeamService() {
        UUID lostCenter = UUID.randomUUID();
        String coordinatorSubject = Fixtures.unique("coord");
        CareTeamStub.staff(coordinatorSubject, lostCenter, "COORDINATOR");
        String lonely = Fixtures.unique("patient");
        String id = given().auth().oauth2(TestTokens.token(coordinatorSubject, "coordinator")).contentType(ContentType.JSON)
                .body(Fixtures.enrollmentJson(lostCenter, lonely, TODAY_CHICAGO.minusDays(3)))
                .post("/api/v1/patients").then().statusCode(201).extract().path("id");
        CareTeamStub.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/internal/v1/centers/" + lostCenter))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)));
        given().auth().oauth2(TestTokens.token(lonely, "patient")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(fever(now()))
                .post("/api/v1/patients/" + id + "/check-ins")
                .then().statusCode(201)
                .body("triage.disposition", equalTo("CENTER_NOW"))
                .body("triage.instructions", containsString("Llame ahora a su centro de CAR-T."))
                .body("triage.instructions", not(containsString("null")));
    }
}
