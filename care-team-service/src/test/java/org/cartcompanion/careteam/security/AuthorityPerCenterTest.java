package org.cartcompanion.careteam.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.UUID;

import org.cartcompanion.careteam.support.Fixtures;
import org.cartcompanion.careteam.support.Fixtures.Person;
import org.cartcompanion.careteam.support.OtherServices;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Authority is the membership at that center: a subject who is COORDINATOR at center B and NURSE at center A, with a
 * {@code coordinator} token, manages B and only sees A.
 */
@QuarkusTest
class AuthorityPerCenterTest {

    private String a;
    private String b;
    private String subject;
    private String token;

    @BeforeEach
    void nurseAtACoordinatorAtB() {
        a = Fixtures.createCenter();
        b = Fixtures.createCenter();
        subject = Fixtures.unique("dual");
        token = TestTokens.token(subject, "coordinator");
        Fixtures.addClinician(a, subject, "NURSE");
        Fixtures.addClinician(b, subject, "COORDINATOR");
    }

    @Test
    void everyCoordinatorActionAtTheCenterWhereTheyAreANurseIsRefused() {
        Person physicianA = Fixtures.person(a, "PHYSICIAN");
        rotation(a, physicianA.id()).statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Your role at this center (NURSE) may not perform this action."));
        shift(a, physicianA.id()).statusCode(403);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Fixtures.clinicianJson(Fixtures.unique("new"), "PHYSICIAN"))
                .post("/api/v1/centers/" + a + "/clinicians").then().statusCode(403);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"sharedCareDay\":30,\"communityLedDay\":100}")
                .put("/api/v1/centers/" + a + "/handoff-settings").then().statusCode(403);
        UUID patient = OtherServices.patient(a, 10);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"centerId":"%s","phase":"CENTER_LED","members":[{"clinicianId":"%s","role":"PHYSICIAN"}]}"""
                .formatted(a, physicianA.id())).put("/api/v1/care-teams/" + patient).then().statusCode(403);

        // As a nurse they still see the center.
        given().auth().oauth2(token).get("/api/v1/centers/" + a + "/rotations").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/centers/" + a + "/clinicians").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/centers/" + a + "/on-call").then().statusCode(200);
    }

    @Test
    void atTheirOwnCenterTheSameTokenManages() {
        Person physicianB = Fixtures.person(b, "PHYSICIAN");
        rotation(b, physicianB.id()).statusCode(201);
        shift(b, physicianB.id()).statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Fixtures.clinicianJson(Fixtures.unique("new"), "PHYSICIAN"))
                .post("/api/v1/centers/" + b + "/clinicians").then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"sharedCareDay\":30,\"communityLedDay\":100}")
                .put("/api/v1/centers/" + b + "/handoff-settings").then().statusCode(200);
        UUID patient = OtherServices.patient(b, 10);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"centerId":"%s","phase":"CENTER_LED","members":[{"clinicianId":"%s","role":"PHYSICIAN"}]}"""
                .formatted(b, physicianB.id())).put("/api/v1/care-teams/" + patient).then().statusCode(200);
    }

    @Test
    void aClinicianTokenAtTheirCoordinatorCenterIsAClinicianThere() {
        String clinicianToken = TestTokens.token(subject, "clinician");
        Person physicianB = Fixtures.person(b, "PHYSICIAN");
        rotation(b, physicianB.id(), clinicianToken).statusCode(403);
        given().auth().oauth2(clinicianToken).get("/api/v1/centers/" + b + "/rotations").then().statusCode(200);
    }

    private ValidatableResponse rotation(String center, String clinician) {
        return rotation(center, clinician, token);
    }

    private ValidatableResponse rotation(String center, String clinician, String as) {
        return given().auth().oauth2(as).contentType(ContentType.JSON).body("""
                {"tier":"PRIMARY","clinicianIds":["%s"],"startDate":"2026-01-01","handoffTime":"08:00","lengthDays":7}"""
                .formatted(clinician)).post("/api/v1/centers/" + center + "/rotations").then();
    }

    private ValidatableResponse shift(String center, String clinician) {
        Instant start = Instant.now().plusSeconds(86_400 * 30L + (long) (Math.random() * 86_400 * 300));
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"clinicianId":"%s","tier":"BACKUP","start":"%s","end":"%s"}""".formatted(clinician, start,
                start.plusSeconds(3600))).post("/api/v1/centers/" + center + "/shifts").then();
    }
}
