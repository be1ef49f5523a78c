package org.cartcompanion.alert.triage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class TriageEventResourceTest {

    private static final String SERVICE = TestTokens.token("patient-service", "service");

    static String event(UUID eventId, String disposition) {
        return """
                {"eventId":"%s","patientId":"%s","centerId":"%s","checkInId":"%s",
                 "disposition":"%s","firedRules":["FEVER_P1","M1"],"dayPostInfusion":5,"phase":"P1_ACUTE",
                 "summary":"38.4 C oral, rigors","occurredAt":"2026-11-21T02:10:00-06:00"}""".formatted(eventId,
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), disposition);
    }

    @Test
    void aRedeliveredEventIsStoredOnceAndAnsweredTheSame() {
        UUID eventId = UUID.randomUUID();
        String body = event(eventId, "CENTER_NOW");
        String first = given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(body)
                .post("/internal/v1/triage-events").then().statusCode(202).body("eventId", equalTo(eventId.toString()))
                .body("receivedAt", notNullValue()).extract().path("receivedAt");
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(body).post("/internal/v1/triage-events")
                .then().statusCode(202).body("receivedAt", equalTo(first));
    }

    @Test
    void invalidEventsAre400ProblemJson() {
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(event(UUID.randomUUID(), "PANIC"))
                .post("/internal/v1/triage-events").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("disposition"));
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body(event(UUID.randomUUID(), "EMERGENCY").replace("\"FEVER_P1\"", "\"DROP TABLE\""))
                .post("/internal/v1/triage-events").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body("{\"eventId\":\"" + UUID.randomUUID() + "\"}")
                .post("/internal/v1/triage-events").then().statusCode(400).body("errors.field", hasItem("patientId"));
    }

    @Test
    void onlyServicesMayDeliverEvents() {
        for (String role : new String[] { "admin", "coordinator", "clinician", "patient", "caregiver",
                "community-physician" }) {
            given().auth().oauth2(TestTokens.token("user-" + role, role)).contentType(ContentType.JSON)
                    .body(event(UUID.randomUUID(), "EMERGENCY")).post("/internal/v1/triage-events").then()
                    .statusCode(403).contentType("application/problem+json");
        }
    }
}
