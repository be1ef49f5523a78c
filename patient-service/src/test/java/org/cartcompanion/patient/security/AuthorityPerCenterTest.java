package org.cartcompanion.patient.security;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.cartcompanion.patient.support.CareTeamStub;
import org.cartcompanion.patient.support.Fixtures;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A subject who is COORDINATOR at center B and NURSE at center A, with a {@code coordinator} token: at A they see patients but
 * enroll nobody, change no clinical status, infection record or threshold; at B they do all of it.
 */
@QuarkusTest
class AuthorityPerCenterTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Chicago"));

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final String subject = Fixtures.unique("dual");
    private final String token = TestTokens.token(subject, "coordinator");

    @Test
    void aNurseAtACenterActsAsANurseThereWhateverTheirToken() {
        CareTeamStub.staff(subject, a, "NURSE", b, "COORDINATOR");
        String patientA = Fixtures.enroll(a, Fixtures.unique("patient"), TODAY.minusDays(5));
        String patientB = Fixtures.enroll(b, Fixtures.unique("patient"), TODAY.minusDays(5));

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Fixtures.enrollmentJson(a, Fixtures.unique("patient"), TODAY.minusDays(3))).post("/api/v1/patients")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Fixtures.enrollmentJson(b, Fixtures.unique("patient"), TODAY.minusDays(3))).post("/api/v1/patients")
                .then().statusCode(201);

        String status = "{\"ancPerUl\":400,\"ancDate\":\"" + TODAY.minusDays(1) + "\"}";
        given().auth().oauth2(token).contentType(ContentType.JSON).body(status)
                .put("/api/v1/patients/" + patientA + "/clinical-status").then().statusCode(403);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(status)
                .put("/api/v1/patients/" + patientB + "/clinical-status").then().statusCode(200);
        // Seeing stays: a nurse reads the patient and the status.
        given().auth().oauth2(token).get("/api/v1/patients/" + patientA).then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/patients/" + patientA + "/clinical-status").then().statusCode(200);

        String thresholds = "{\"thresholds\":{\"FEVER_C\":37.8}}";
        given().auth().oauth2(token).contentType(ContentType.JSON).body(thresholds)
                .put("/api/v1/triage-rules/centers/" + a).then().statusCode(403);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(thresholds)
                .put("/api/v1/triage-rules/centers/" + b).then().statusCode(200);

        String caregiver = "{\"subject\":\"" + Fixtures.unique("cg") + "\",\"name\":\"Luis P.\",\"relationship\":\"SPOUSE\"}";
        given().auth().oauth2(token).contentType(ContentType.JSON).body(caregiver)
                .post("/api/v1/patients/" + patientA + "/caregivers").then().statusCode(403);
    }

    @Test
    void aClinicianTokenWithANursesMembershipStillDoesACliniciansWork() {
        String nurse = Fixtures.unique("nurse");
        CareTeamStub.staff(nurse, a, "NURSE");
        String patient = Fixtures.enroll(a, Fixtures.unique("patient"), TODAY.minusDays(5));
        given().auth().oauth2(TestTokens.token(nurse, "clinician")).contentType(ContentType.JSON)
                .body("{\"ancPerUl\":400,\"ancDate\":\"" + TODAY.minusDays(1) + "\"}")
                .put("/api/v1/patients/" + patient + "/clinical-status").then().statusCode(200);
    }
}
