package org.cartcompanion.patient.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.UUID;

import org.cartcompanion.patient.support.Fixtures;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** alert-service asks which patients' alert status a patient or caregiver may read. */
@QuarkusTest
class SubjectPatientsResourceTest {

    private static final String SERVICE = TestTokens.token("alert-service", "service");

    @Test
    void aPatientReadsThemselfAndACaregiverTheLinkedPatients() {
        String patientSubject = Fixtures.unique("patient");
        String otherSubject = Fixtures.unique("patient");
        String caregiver = Fixtures.unique("caregiver");
        String patientId = Fixtures.enroll(UUID.randomUUID(), patientSubject, LocalDate.now().minusDays(5));
        String otherId = Fixtures.enroll(UUID.randomUUID(), otherSubject, LocalDate.now().minusDays(40));
        Fixtures.linkCaregiver(patientId, patientSubject, caregiver);
        Fixtures.linkCaregiver(otherId, otherSubject, caregiver);

        given().auth().oauth2(SERVICE).get("/internal/v1/subjects/" + patientSubject + "/patients").then().statusCode(200)
                .body("subject", equalTo(patientSubject)).body("patientIds", contains(patientId));
        given().auth().oauth2(SERVICE).get("/internal/v1/subjects/" + caregiver + "/patients").then().statusCode(200)
                .body("patientIds", containsInAnyOrder(patientId, otherId));
        given().auth().oauth2(SERVICE).get("/internal/v1/subjects/nobody-" + UUID.randomUUID() + "/patients").then()
                .statusCode(200).body("patientIds", empty());
    }

    @Test
    void onlyServicesAsk() {
        for (String role : new String[] { "patient", "caregiver", "clinician", "coordinator", "admin" }) {
            given().auth().oauth2(TestTokens.token("someone", role)).get("/internal/v1/subjects/someone/patients").then()
                    .statusCode(403).contentType("application/problem+json");
        }
        given().get("/internal/v1/subjects/someone/patients").then().statusCode(401);
    }
}
