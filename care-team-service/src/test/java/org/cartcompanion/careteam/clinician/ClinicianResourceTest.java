package org.cartcompanion.careteam.clinician;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.cartcompanion.careteam.support.Fixtures;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ClinicianResourceTest {

    @Test
    void aCoordinatorAddsStaffToTheirCenterOnly() {
        String center = Fixtures.createCenter();
        String other = Fixtures.createCenter();
        String coordinator = Fixtures.unique("coord");
        Fixtures.addClinician(center, coordinator, "COORDINATOR");
        String token = TestTokens.token(coordinator, "coordinator");

        String nurse = Fixtures.unique("nurse");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Fixtures.clinicianJson(nurse, "NURSE"))
                .post("/api/v1/centers/" + center + "/clinicians").then().statusCode(201).body("role", equalTo("NURSE"))
                .body("centerId", equalTo(center));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Fixtures.clinicianJson(Fixtures.unique("x"), "NURSE"))
                .post("/api/v1/centers/" + other + "/clinicians").then().statusCode(404);
        given().auth().oauth2(token).get("/api/v1/centers/" + center + "/clinicians").then().statusCode(200)
                .body("items.subject", contains(coordinator, nurse));
    }

    @Test
    void aClinicianMayListButNotAdd() {
        String center = Fixtures.createCenter();
        String physician = Fixtures.unique("md");
        Fixtures.addClinician(center, physician, "PHYSICIAN");
        String token = TestTokens.token(physician, "clinician");
        given().auth().oauth2(token).get("/api/v1/centers/" + center + "/clinicians").then().statusCode(200)
                .body("items.subject", hasItem(physician));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Fixtures.clinicianJson(Fixtures.unique("x"), "NURSE"))
                .post("/api/v1/centers/" + center + "/clinicians").then().statusCode(403);
    }

    @Test
    void aCommunityPhysicianIsKnownToSeveralCentersButStaffOfNone() {
        String first = Fixtures.createCenter();
        String second = Fixtures.createCenter();
        String subject = Fixtures.unique("community");
        String id = Fixtures.addClinician(first, subject, "COMMUNITY_PHYSICIAN");
        String again = Fixtures.addClinician(second, subject, "COMMUNITY_PHYSICIAN");
        org.junit.jupiter.api.Assertions.assertEquals(id, again, "one identity across centers");

        // Known, but not staff: cannot list the center's clinicians.
        given().auth().oauth2(TestTokens.token(subject, "clinician")).get("/api/v1/centers/" + first + "/clinicians")
                .then().statusCode(404);
    }

    @Test
    void addingTheSameClinicianTwiceIsAConflictAndBadInputIs400() {
        String center = Fixtures.createCenter();
        String subject = Fixtures.unique("md");
        Fixtures.addClinician(center, subject, "PHYSICIAN");
        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON)
                .body(Fixtures.clinicianJson(subject, "PHYSICIAN")).post("/api/v1/centers/" + center + "/clinicians")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON)
                .body(Fixtures.clinicianJson(Fixtures.unique("md"), "SURGEON"))
                .post("/api/v1/centers/" + center + "/clinicians").then().statusCode(400)
                .body("errors.field", hasItem("role"));
    }
}
