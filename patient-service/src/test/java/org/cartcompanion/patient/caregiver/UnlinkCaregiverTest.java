package org.cartcompanion.patient.caregiver;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.cartcompanion.patient.support.CareTeamStub;
import org.cartcompanion.patient.support.Fixtures;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Access can be taken away: an unlinked caregiver no longer sees or checks in for the patient. */
@QuarkusTest
class UnlinkCaregiverTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Chicago"));

    @Test
    void thePatientUnlinksACaregiverWhoThenGetsNotFoundEverywhere() {
        UUID center = UUID.randomUUID();
        String patientSubject = Fixtures.unique("patient");
        String patientId = Fixtures.enroll(center, patientSubject, TODAY.minusDays(5));
        String caregiver = Fixtures.unique("caregiver");
        Fixtures.linkCaregiver(patientId, patientSubject, caregiver);
        String caregiverToken = TestTokens.token(caregiver, "caregiver");
        given().auth().oauth2(caregiverToken).get("/api/v1/patients/" + patientId).then().statusCode(200);

        given().auth().oauth2(TestTokens.token(patientSubject, "patient"))
                .delete("/api/v1/patients/" + patientId + "/caregivers/" + caregiver).then().statusCode(204);

        given().auth().oauth2(caregiverToken).get("/api/v1/patients/" + patientId).then().statusCode(404);
        given().auth().oauth2(caregiverToken).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"recordedAt\":\"" + OffsetDateTime.now().minusMinutes(1) + "\"}")
                .post("/api/v1/patients/" + patientId + "/check-ins").then().statusCode(404);
        given().auth().oauth2(caregiverToken).get("/api/v1/me").then().statusCode(200)
                .body("patients", org.hamcrest.Matchers.empty());
        // Already gone: 404, nothing changes.
        given().auth().oauth2(TestTokens.token(patientSubject, "patient"))
                .delete("/api/v1/patients/" + patientId + "/caregivers/" + caregiver).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void onlyThePatientAndTheCentersCliniciansAndCoordinatorsUnlink() {
        UUID center = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        String patientSubject = Fixtures.unique("patient");
        String patientId = Fixtures.enroll(center, patientSubject, TODAY.minusDays(5));
        String caregiver = Fixtures.unique("caregiver");
        Fixtures.linkCaregiver(patientId, patientSubject, caregiver);
        String path = "/api/v1/patients/" + patientId + "/caregivers/" + caregiver;

        // Another center's coordinator does not see the patient; a nurse here with a coordinator token may not unlink.
        given().auth().oauth2(Fixtures.coordinatorOf(elsewhere)).delete(path).then().statusCode(404);
        String dual = Fixtures.unique("dual");
        CareTeamStub.staff(dual, center, "NURSE", elsewhere, "COORDINATOR");
        given().auth().oauth2(TestTokens.token(dual, "coordinator")).delete(path).then().statusCode(403);
        // The caregiver may not unlink themself through this endpoint, nor may another caregiver.
        given().auth().oauth2(TestTokens.token(caregiver, "caregiver")).delete(path).then().statusCode(403);

        given().auth().oauth2(Fixtures.coordinatorOf(center)).delete(path).then().statusCode(204);
    }
}
