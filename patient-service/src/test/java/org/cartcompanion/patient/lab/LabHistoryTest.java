package org.cartcompanion.patient.lab;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;

import org.cartcompanion.patient.support.CareTeamStub;
import org.cartcompanion.patient.support.Fixtures;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * clinical-rules.md §10.4 through the API: the new clinical-status inputs, the append-only lab history and
 * {@code GET …/labs?type=}, and the history the check-in's triage reads (ANC falling, the same symptom hours later).
 */
@QuarkusTest
class LabHistoryTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final LocalDate TODAY = LocalDate.now(CHICAGO);

    @Inject
    Pool pool;

    static void putStatus(String token, String patientId, String json) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(json)
                .put("/api/v1/patients/" + patientId + "/clinical-status")
                .then().statusCode(200);
    }

    @Test
    void everySaveWithANewValueOrDateIsKeptAndListedNewestFirst() {
        UUID center = UUID.randomUUID();
        String coordinator = Fixtures.coordinatorOf(center);
        String id = Fixtures.enroll(center, Fixtures.unique("patient"), TODAY.minusDays(150));

        putStatus(coordinator, id, """
                {"ancPerUl":1400,"ancDate":"%s","plateletsPerUl":120000,"plateletsDate":"%s","baselineSpo2":97,
                 "baselineSystolicBp":128,"icahtActive":true,"frailOrComorbid":false}""".formatted(TODAY.minusDays(5),
                TODAY.minusDays(5)));
        // The same ANC again (another field changed): no new ANC row.
        putStatus(coordinator, id, """
                {"ancPerUl":1400,"ancDate":"%s","plateletsPerUl":120000,"plateletsDate":"%s","iggMgDl":350}"""
                .formatted(TODAY.minusDays(5), TODAY.minusDays(5)));
        putStatus(coordinator, id, """
                {"ancPerUl":800,"ancDate":"%s","plateletsPerUl":120000,"plateletsDate":"%s","baselineSpo2":97,
                 "icahtActive":true,"frailOrComorbid":true}""".formatted(TODAY, TODAY.minusDays(5)));
        // Cleared to unknown: the history keeps what was known.
        putStatus(coordinator, id, """
                {"ancPerUl":800,"ancDate":"%s","baselineSpo2":97,"icahtActive":true,"frailOrComorbid":true}"""
                .formatted(TODAY));

        given().auth().oauth2(coordinator).get("/api/v1/patients/" + id + "/clinical-status")
                .then().statusCode(200)
                .body("baselineSpo2", equalTo(97))
                .body("baselineSystolicBp", nullValue())
                .body("icahtActive", equalTo(true))
                .body("frailOrComorbid", equalTo(true))
                .body("plateletsDate", nullValue());
        given().auth().oauth2(coordinator).get("/api/v1/patients/" + id + "/labs?type=ANC")
                .then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].value", equalTo(800))
                .body("items[0].date", equalTo(TODAY.toString()))
                .body("items[0].unit", equalTo("/µL"))
                .body("items[0].recordedBy", notNullValue())
                .body("items[1].value", equalTo(1400))
                .body("nextCursor", nullValue());
        given().auth().oauth2(coordinator).get("/api/v1/patients/" + id + "/labs")
                .then().statusCode(200)
                .body("items.type", hasItems("ANC", "PLATELETS", "IGG"));
        String next = given().auth().oauth2(coordinator).get("/api/v1/patients/" + id + "/labs?type=ANC&limit=1")
                .then().statusCode(200).body("items.size()", equalTo(1)).extract().path("nextCursor");
        given().auth().oauth2(coordinator).get("/api/v1/patients/" + id + "/labs?type=ANC&limit=1&cursor=" + next)
                .then().statusCode(200).body("items[0].value", equalTo(1400)).body("nextCursor", nullValue());
    }

    @Test
    void theHistoryIsAppendOnlyInTheDatabase() {
        UUID center = UUID.randomUUID();
        String coordinator = Fixtures.coordinatorOf(center);
        String id = Fixtures.enroll(center, Fixtures.unique("patient"), TODAY.minusDays(40));
        putStatus(coordinator, id, "{\"ancPerUl\":900,\"ancDate\":\"%s\"}".formatted(TODAY));
        UUID patient = UUID.fromString(id);
        Exception update = assertThrows(Exception.class, () -> pool.preparedQuery("UPDATE lab_result SET value = 5000"
                + " WHERE patient_id = $1").execute(Tuple.of(patient)).await().indefinitely());
        assertEquals(true, update.getMessage().contains("append-only"), update.getMessage());
        assertThrows(Exception.class, () -> pool.preparedQuery("DELETE FROM lab_result WHERE patient_id = $1")
                .execute(Tuple.of(patient)).await().indefinitely());
        given().auth().oauth2(coordinator).get("/api/v1/patients/" + id + "/labs?type=ANC")
                .then().statusCode(200).body("items[0].value", equalTo(900));
    }

    @Test
    void badInputIs400AndChangesNothing() {
        UUID center = UUID.randomUUID();
        String coordinator = Fixtures.coordinatorOf(center);
        String id = Fixtures.enroll(center, Fixtures.unique("patient"), TODAY.minusDays(40));
        putStatus(coordinator, id, "{\"baselineSpo2\":96}");
        for (String bad : new String[] { "{\"baselineSpo2\":49}", "{\"baselineSpo2\":101}", "{\"baselineSystolicBp\":39}",
                "{\"baselineSystolicBp\":301}" }) {
            String field = bad.substring(2, bad.indexOf('"', 2));
            given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(bad)
                    .put("/api/v1/patients/" + id + "/clinical-status")
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
        }
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"plateletsPerUl\":90000,\"plateletsDate\":\"%s\"}".formatted(TODAY.plusDays(2)))
                .put("/api/v1/patients/" + id + "/clinical-status")
                .then().statusCode(400).body("errors.field", hasItem("plateletsDate"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"icahtActive\":\"sometimes\"}")
                .put("/api/v1/patients/" + id + "/clinical-status")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(coordinator).get("/api/v1/patients/" + id + "/clinical-status")
                .then().statusCode(200).body("baselineSpo2", equalTo(96)).body("plateletsPerUl", nullValue());
        given().auth().oauth2(coordinator).get("/api/v1/patients/" + id + "/labs?type=PLATELETS")
                .then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(coordinator).get("/api/v1/patients/" + id + "/labs?type=SODIUM")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("type"));
    }

    @Test
    void onlyTheCentersStaffReadTheHistory() {
        UUID center = UUID.randomUUID();
        String coordinator = Fixtures.coordinatorOf(center);
        String subject = Fixtures.unique("patient");
        String id = Fixtures.enroll(center, subject, TODAY.minusDays(40));
        putStatus(coordinator, id, "{\"ancPerUl\":900,\"ancDate\":\"%s\"}".formatted(TODAY));
        String clinician = Fixtures.unique("md");
        CareTeamStub.staff(clinician, center, "NURSE");
        given().auth().oauth2(TestTokens.token(clinician, "clinician")).get("/api/v1/patients/" + id + "/labs")
                .then().statusCode(200).body("items.size()", equalTo(1));
        // The right role at another center: 404, as if the patient did not exist.
        given().auth().oauth2(Fixtures.coordinatorOf(UUID.randomUUID())).get("/api/v1/patients/" + id + "/labs")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.token(subject, "patient")).get("/api/v1/patients/" + id + "/labs")
                .then().statusCode(403);
        given().get("/api/v1/patients/" + id + "/labs").then().statusCode(401);
    }

    @Test
    void aCheckInReadsTheAncHistoryAndTheEarlierCheckIns() {
        UUID center = UUID.randomUUID();
        String coordinator = Fixtures.coordinatorOf(center);
        String subject = Fixtures.unique("patient");
        String id = Fixtures.enroll(center, subject, TODAY.minusDays(150));
        String patient = TestTokens.token(subject, "patient");
        putStatus(coordinator, id, "{\"ancPerUl\":1400,\"ancDate\":\"%s\"}".formatted(TODAY.minusDays(5)));
        putStatus(coordinator, id, "{\"ancPerUl\":800,\"ancDate\":\"%s\"}".formatted(TODAY));

        OffsetDateTime now = OffsetDateTime.now(CHICAGO).truncatedTo(ChronoUnit.SECONDS);
        // Day 150, 38.0 °C: a recheck in an hour for most patients; with the ANC falling below 1000, febrile neutropenia.
        given().auth().oauth2(patient).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("""
                        {"recordedAt":"%s","temperature":{"value":38.0,"unit":"C"},"antipyreticLast6h":false}"""
                        .formatted(now.minusMinutes(1)))
                .post("/api/v1/patients/" + id + "/check-ins")
                .then().statusCode(201)
                .body("triage.disposition", equalTo("CENTER_NOW"))
                // Neutropenic (falling below 1000): the P2 fever rules whatever the day (§1.2), and M1.
                .body("triage.firedRules", hasItems("FEVER_P2", "M1"));

        // Numbness three hours ago and again now: progressing over hours, NOW instead of same day.
        given().auth().oauth2(patient).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"recordedAt\":\"%s\",\"symptoms\":[\"NUMBNESS_TINGLING\"]}".formatted(now.minusHours(3)))
                .post("/api/v1/patients/" + id + "/check-ins")
                .then().statusCode(201)
                .body("triage.disposition", equalTo("CENTER_SAME_DAY"));
        given().auth().oauth2(patient).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"recordedAt\":\"%s\",\"symptoms\":[\"NUMBNESS_TINGLING\"]}".formatted(now))
                .post("/api/v1/patients/" + id + "/check-ins")
                .then().statusCode(201)
                .body("triage.disposition", equalTo("CENTER_NOW"))
                .body("triage.firedRules", hasItem("NEURO_PROGRESSING_P4P5"));
    }
}
