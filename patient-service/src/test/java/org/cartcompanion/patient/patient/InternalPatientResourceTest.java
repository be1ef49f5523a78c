package org.cartcompanion.patient.patient;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.UUID;

import org.cartcompanion.patient.support.Fixtures;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** care-team-service reads a patient's center, dates and hand-off facts. */
@QuarkusTest
class InternalPatientResourceTest {

    private static final String SERVICE = TestTokens.token("care-team-service", "service");

    @Test
    void aServiceReadsThePatientsCenterDatesAndClinicalFacts() {
        UUID center = UUID.randomUUID();
        String subject = Fixtures.unique("patient");
        String id = Fixtures.enroll(center, subject, LocalDate.now(java.time.ZoneId.of("America/Chicago")).minusDays(35));
        given().auth().oauth2(SERVICE).get("/internal/v1/patients/" + id).then().statusCode(200)
                .body("centerId", equalTo(center.toString())).body("dayPostInfusion", equalTo(35))
                .body("phase", equalTo("P3_INTERMEDIATE"))
                .body("infusionDate", equalTo(LocalDate.now(java.time.ZoneId.of("America/Chicago")).minusDays(35).toString()))
                .body("clinicalStatus", nullValue());

        given().auth().oauth2(Fixtures.coordinatorOf(center)).contentType(ContentType.JSON)
                .body("{\"iggMgDl\":380,\"prophylaxis\":{\"antiviralHsvVzv\":true,\"pjp\":true}}")
                .put("/api/v1/patients/" + id + "/clinical-status").then().statusCode(200);
        given().auth().oauth2(SERVICE).get("/internal/v1/patients/" + id).then().statusCode(200)
                .body("clinicalStatus.iggMgDl", equalTo(380)).body("clinicalStatus.pjpProphylaxis", equalTo(true))
                .body("clinicalStatus.antifungalProphylaxis", nullValue());
        given().auth().oauth2(SERVICE).get("/internal/v1/patients/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void alertServiceReadsThePhonesToTextAndARemovedCaregiverIsNotAmongThem() {
        UUID center = UUID.randomUUID();
        String subject = Fixtures.unique("patient");
        String id = Fixtures.enroll(center, subject, LocalDate.now(java.time.ZoneId.of("America/Chicago")).minusDays(9));
        String alertService = TestTokens.token("alert-service", "service");
        given().auth().oauth2(alertService).get("/internal/v1/patients/" + id + "/phones").then().statusCode(200)
                .body("language", equalTo("es")).body("phones.phone", contains("+15550123"))
                .body("phones.who", contains("PATIENT"));
        String caregiver = Fixtures.unique("caregiver");
        Fixtures.linkCaregiver(id, subject, caregiver);
        given().auth().oauth2(alertService).get("/internal/v1/patients/" + id + "/phones").then().statusCode(200)
                .body("phones.phone", contains("+15550123", "+15550100")).body("phones.who", contains("PATIENT", "CAREGIVER"))
                .body("phones[0]", not(hasKey("name")));
        given().auth().oauth2(TestTokens.token(subject, "patient"))
                .delete("/api/v1/patients/" + id + "/caregivers/" + caregiver)
                .then().statusCode(204);
        given().auth().oauth2(alertService).get("/internal/v1/patients/" + id + "/phones").then().statusCode(200)
                .body("phones.phone", contains("+15550123"));
        // Only alert-service: another service, or anyone else, is refused; an unknown patient is 404.
        given().auth().oauth2(SERVICE).get("/internal/v1/patients/" + id + "/phones").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token(subject, "patient")).get("/internal/v1/patients/" + id + "/phones").then()
                .statusCode(403);
        given().auth().oauth2(alertService).get("/internal/v1/patients/" + UUID.randomUUID() + "/phones").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyServicesAsk() {
        for (String role : new String[] { "patient", "caregiver", "clinician", "coordinator", "admin" }) {
            given().auth().oauth2(TestTokens.token("someone", role)).get("/internal/v1/patients/" + UUID.randomUUID())
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().get("/internal/v1/patients/" + UUID.randomUUID()).then().statusCode(401);
    }
}
