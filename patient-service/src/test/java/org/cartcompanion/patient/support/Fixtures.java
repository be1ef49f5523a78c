package org.cartcompanion.patient.support;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.UUID;

import org.cartcompanion.support.testing.TestTokens;

import io.restassured.http.ContentType;

/** Builds the data a test needs through the public API, with fresh ids and subjects each time. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public static String enrollmentJson(UUID centerId, String subject, LocalDate infusionDate) {
        return """
                {"centerId":"%s","subject":"%s","displayName":"Ana P.","birthYear":1961,
                 "timeZone":"America/Chicago","infusionDate":"%s","secondDoseDate":null,
                 "product":"AXI_CEL","disease":"LBCL","externalId":"%s",
                 "phone":"+15550123","email":"ana@example.org","language":"es"}""".formatted(centerId, subject,
                infusionDate, unique("MRN"));
    }

    /** A coordinator of a new center; returns the coordinator's token. */
    public static String coordinatorOf(UUID centerId) {
        String subject = unique("coord");
        CareTeamStub.staff(subject, centerId, "COORDINATOR");
        return TestTokens.token(subject, "coordinator");
    }

    /** Enrolls a patient at a new center through the API; returns the patient's id. */
    public static String enroll(UUID centerId, String patientSubject, LocalDate infusionDate) {
        return given().auth().oauth2(coordinatorOf(centerId)).contentType(ContentType.JSON)
                .body(enrollmentJson(centerId, patientSubject, infusionDate)).post("/api/v1/patients").then()
                .statusCode(201).extract().path("id");
    }

    public static void linkCaregiver(String patientId, String patientSubject, String caregiverSubject) {
        given().auth().oauth2(TestTokens.token(patientSubject, "patient")).contentType(ContentType.JSON)
                .body("""
                        {"subject":"%s","name":"Luis P.","relationship":"SPOUSE","email":"luis@example.org","phone":"+15550100"}"""
                        .formatted(caregiverSubject))
                .post("/api/v1/patients/" + patientId + "/caregivers").then().statusCode(201);
    }
}
