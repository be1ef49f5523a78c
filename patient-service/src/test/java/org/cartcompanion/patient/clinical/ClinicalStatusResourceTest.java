package org.cartcompanion.patient.clinical;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.cartcompanion.patient.support.Fixtures;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ClinicalStatusResourceTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Chicago"));

    @Test
    void theCenterKeepsTheStatusAndTriageReadsIt() {
        UUID center = UUID.randomUUID();
        String coordinator = Fixtures.coordinatorOf(center);
        String subject = Fixtures.unique("patient");
        String id = Fixtures.enroll(center, subject, TODAY.minusDays(200));

        given().auth().oauth2(coordinator).get("/api/v1/patients/" + id + "/clinical-status")
                .then().statusCode(200).body("ancPerUl", nullValue());
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("""
                        {"ancPerUl":300,"ancDate":"%s","iggMgDl":250,"prophylaxis":{"antibacterial":true,"pjp":false},
                         "caregiverPresent":true,"baselineIceScore":10}""".formatted(TODAY.minusDays(1)))
                .put("/api/v1/patients/" + id + "/clinical-status")
                .then().statusCode(200)
                .body("ancPerUl", equalTo(300))
                .body("prophylaxis.pjp", equalTo(false))
                .body("updatedBy", org.hamcrest.Matchers.notNullValue());

        // Day 200 with ANC 300: a 38.0 °C reading is febrile neutropenia (M1), not a recheck.
        given().auth().oauth2(TestTokens.token(subject, "patient")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("""
                        {"recordedAt":"%s","temperature":{"value":38.0,"unit":"C","method":"ORAL"},"antipyreticLast6h":false}"""
                        .formatted(OffsetDateTime.now().minusMinutes(1)))
                .post("/api/v1/patients/" + id + "/check-ins")
                .then().statusCode(201)
                .body("triage.disposition", equalTo("CENTER_NOW"))
                .body("triage.firedRules", hasItem("M1"));
    }

    @Test
    void badStatusIs400AndPatientsCannotWriteIt() {
        UUID center = UUID.randomUUID();
        String coordinator = Fixtures.coordinatorOf(center);
        String subject = Fixtures.unique("patient");
        String id = Fixtures.enroll(center, subject, TODAY.minusDays(20));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"maxCrsGrade\":5}")
                .put("/api/v1/patients/" + id + "/clinical-status")
                .then().statusCode(400).body("errors.field", hasItem("maxCrsGrade"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"ancDate\":\"%s\"}".formatted(TODAY.plusDays(3)))
                .put("/api/v1/patients/" + id + "/clinical-status")
                .then().statusCode(400).body("errors.field", hasItem("ancDate"));
        given().auth().oauth2(TestTokens.token(subject, "patient")).contentType(ContentType.JSON).body("{}")
                .put("/api/v1/patients/" + id + "/clinical-status")
                .then().statusCode(403);
        given().auth().oauth2(Fixtures.coordinatorOf(UUID.randomUUID())).contentType(ContentType.JSON).body("{}")
                .put("/api/v1/patients/" + id + "/clinical-status")
                .then().statusCode(404);
        given().auth().oauth2(coordinator).get("/api/v1/patients/" + id + "/clinical-status")
                .then().statusCode(200).body("maxCrsGrade", nullValue());
    }
}
