package org.cartcompanion.patient.patient.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.cartcompanion.patient.support.CareTeamStub;
import org.cartcompanion.patient.support.Fixtures;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PatientResourceTest {

    private static final LocalDate TODAY_CHICAGO = LocalDate.now(ZoneId.of("America/Chicago"));

    @Test
    void coordinatorOfTheCenterEnrollsAPatientWithDayAndPhase() {
        UUID center = UUID.randomUUID();
        String subject = Fixtures.unique("patient");
        given().auth().oauth2(Fixtures.coordinatorOf(center)).contentType(ContentType.JSON)
                .body(Fixtures.enrollmentJson(center, subject, TODAY_CHICAGO.minusDays(5))).post("/api/v1/patients")
                .then().statusCode(201).header("Location", containsString("/api/v1/patients/"))
                .body("id", notNullValue()).body("subject", equalTo(subject)).body("dayPostInfusion", equalTo(5))
                .body("phase", equalTo("P1_ACUTE")).body("language", equalTo("es")).body("product", equalTo("AXI_CEL"));
    }

    @Test
    void staffOfAnotherCenterCannotEnrollAndNothingIsStored() {
        UUID center = UUID.randomUUID();
        String subject = Fixtures.unique("patient");
        given().auth().oauth2(Fixtures.coordinatorOf(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Fixtures.enrollmentJson(center, subject, TODAY_CHICAGO)).post("/api/v1/patients").then()
                .statusCode(404).contentType("application/problem+json");
        // The same enrollment by the right center succeeds: the failed one left nothing behind.
        given().auth().oauth2(Fixtures.coordinatorOf(center)).contentType(ContentType.JSON)
                .body(Fixtures.enrollmentJson(center, subject, TODAY_CHICAGO)).post("/api/v1/patients").then()
                .statusCode(201);
    }

    @Test
    void aPatientRoleMayNotEnroll() {
        UUID center = UUID.randomUUID();
        given().auth().oauth2(TestTokens.token(Fixtures.unique("p"), "patient")).contentType(ContentType.JSON)
                .body(Fixtures.enrollmentJson(center, Fixtures.unique("patient"), TODAY_CHICAGO))
                .post("/api/v1/patients").then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void theSameSubjectCannotBeEnrolledTwice() {
        UUID center = UUID.randomUUID();
        String subject = Fixtures.unique("patient");
        Fixtures.enroll(center, subject, TODAY_CHICAGO);
        given().auth().oauth2(Fixtures.coordinatorOf(center)).contentType(ContentType.JSON)
                .body(Fixtures.enrollmentJson(center, subject, TODAY_CHICAGO)).post("/api/v1/patients").then()
                .statusCode(409).contentType("application/problem+json");
    }

    @Test
    void badEnrollmentsAre400WithTheFieldAndStoreNothing() {
        UUID center = UUID.randomUUID();
        String coordinator = Fixtures.coordinatorOf(center);
        String subject = Fixtures.unique("patient");
        String valid = Fixtures.enrollmentJson(center, subject, TODAY_CHICAGO);

        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(valid.replace("AXI_CEL", "MAGIC_CEL"))
                .post("/api/v1/patients").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("product")).body(not(containsString("Exception")));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(valid.replace("America/Chicago", "Mars/Olympus_Mons")).post("/api/v1/patients").then()
                .statusCode(400).body("detail", containsString("timeZone"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(valid.replace("\"birthYear\":1961,", ""))
                .post("/api/v1/patients").then().statusCode(400).body("errors.field", hasItem("birthYear"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(valid.replace("+15550123", "call me"))
                .post("/api/v1/patients").then().statusCode(400).body("errors.field", hasItem("phone"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"centerId\": ")
                .post("/api/v1/patients").then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Bad Request"));
        given().auth().oauth2(coordinator).contentType(ContentType.TEXT).body(valid).post("/api/v1/patients").then()
                .statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(valid.replace("Ana P.", "A".repeat(70_000))).post("/api/v1/patients")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));

        // None of the bad requests stored anything: the valid one still enrolls.
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(valid).post("/api/v1/patients").then()
                .statusCode(201);
    }

    @Test
    void aPatientReadsThemselfWithAnETagButNotOthers() {
        UUID center = UUID.randomUUID();
        String subject = Fixtures.unique("patient");
        String id = Fixtures.enroll(center, subject, TODAY_CHICAGO.minusDays(20));
        given().auth().oauth2(TestTokens.token(subject, "patient")).get("/api/v1/patients/" + id).then().statusCode(200)
                .header("ETag", notNullValue()).body("dayPostInfusion", equalTo(20)).body("phase", equalTo("P2_EARLY"));

        String otherId = Fixtures.enroll(center, Fixtures.unique("patient"), TODAY_CHICAGO);
        given().auth().oauth2(TestTokens.token(subject, "patient")).get("/api/v1/patients/" + otherId).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token(subject, "patient")).get("/api/v1/patients/" + UUID.randomUUID()).then()
                .statusCode(404);
    }

    @Test
    void centerStaffSeeTheirPatientsOnlyAndCaregiversOnlyLinkedOnes() {
        UUID center = UUID.randomUUID();
        String subject = Fixtures.unique("patient");
        String id = Fixtures.enroll(center, subject, TODAY_CHICAGO);

        String clinician = Fixtures.unique("clin");
        CareTeamStub.staff(clinician, center, "PHYSICIAN");
        given().auth().oauth2(TestTokens.token(clinician, "clinician")).get("/api/v1/patients/" + id).then()
                .statusCode(200);

        String outsider = Fixtures.unique("clin");
        CareTeamStub.staff(outsider, UUID.randomUUID(), "PHYSICIAN");
        given().auth().oauth2(TestTokens.token(outsider, "clinician")).get("/api/v1/patients/" + id).then()
                .statusCode(404);

        String caregiver = Fixtures.unique("cg");
        given().auth().oauth2(TestTokens.token(caregiver, "caregiver")).get("/api/v1/patients/" + id).then()
                .statusCode(404);
        Fixtures.linkCaregiver(id, subject, caregiver);
        given().auth().oauth2(TestTokens.token(caregiver, "caregiver")).get("/api/v1/patients/" + id).then()
                .statusCode(200);
    }

    @Test
    void aCommunityPhysicianSeesOnlyPatientsWhoseCareTeamNamesThem() {
        UUID center = UUID.randomUUID();
        String id = Fixtures.enroll(center, Fixtures.unique("patient"), TODAY_CHICAGO.minusDays(40));
        String physician = Fixtures.unique("community");
        String token = TestTokens.token(physician, "community-physician");
        given().auth().oauth2(token).get("/api/v1/patients/" + id).then().statusCode(404);
        CareTeamStub.careTeamWithCommunityPhysician(id, center, physician);
        pauseForTheDirectoryCache();
        given().auth().oauth2(token).get("/api/v1/patients/" + id).then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/patients/" + id + "/check-ins").then().statusCode(200);
        // Another community physician, not on the team, still sees nothing.
        given().auth().oauth2(TestTokens.token(Fixtures.unique("community"), "community-physician"))
                .get("/api/v1/patients/" + id).then().statusCode(404);
    }

    /** Membership answers are cached briefly (0.2 s in tests, seconds in production). */
    static void pauseForTheDirectoryCache() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aCaregiverCannotLinkAnotherCaregiver() {
        UUID center = UUID.randomUUID();
        String subject = Fixtures.unique("patient");
        String id = Fixtures.enroll(center, subject, TODAY_CHICAGO);
        String caregiver = Fixtures.unique("cg");
        Fixtures.linkCaregiver(id, subject, caregiver);
        given().auth().oauth2(TestTokens.token(caregiver, "caregiver")).contentType(ContentType.JSON)
                .body("{\"subject\":\"x\",\"name\":\"X\",\"relationship\":\"FRIEND\"}")
                .post("/api/v1/patients/" + id + "/caregivers").then().statusCode(403);
        // Linking the same caregiver twice is a conflict.
        given().auth().oauth2(TestTokens.token(subject, "patient")).contentType(ContentType.JSON)
                .body("{\"subject\":\"%s\",\"name\":\"Luis P.\",\"relationship\":\"SPOUSE\"}".formatted(caregiver))
                .post("/api/v1/patients/" + id + "/caregivers").then().statusCode(409);
    }
}
