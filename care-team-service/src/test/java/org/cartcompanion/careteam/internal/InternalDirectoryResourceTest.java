package org.cartcompanion.careteam.internal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import org.cartcompanion.careteam.support.Fixtures;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class InternalDirectoryResourceTest {

    private static final String SERVICE = TestTokens.token("patient-service", "service");

    @Test
    void servicesReadMembershipsWithTheStaffFlag() {
        String center = Fixtures.createCenter();
        String other = Fixtures.createCenter();
        String subject = Fixtures.unique("community");
        String id = Fixtures.addClinician(center, subject, "COMMUNITY_PHYSICIAN");
        String nurse = Fixtures.unique("nurse");
        Fixtures.addClinician(other, nurse, "NURSE");

        given().auth().oauth2(SERVICE).get("/internal/v1/subjects/" + subject + "/memberships").then().statusCode(200)
                .body("clinicianId", equalTo(id)).body("memberships", hasSize(1))
                .body("memberships[0].centerId", equalTo(center))
                .body("memberships[0].role", equalTo("COMMUNITY_PHYSICIAN"))
                .body("memberships[0].staff", equalTo(false));
        given().auth().oauth2(SERVICE).get("/internal/v1/subjects/" + nurse + "/memberships").then().statusCode(200)
                .body("memberships[0].staff", equalTo(true));
        given().auth().oauth2(SERVICE).get("/internal/v1/subjects/nobody-" + UUID.randomUUID() + "/memberships").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void servicesReadACentersContact() {
        String center = Fixtures.createCenter();
        given().auth().oauth2(SERVICE).get("/internal/v1/centers/" + center).then().statusCode(200)
                .body("phone", equalTo("+15550199")).body("hotlineEmail", equalTo("hotline@example.org"));
        given().auth().oauth2(SERVICE).get("/internal/v1/centers/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void servicesReadWhatAPolicyMayName() {
        String center = Fixtures.createCenter();
        String physician = Fixtures.addClinician(center, Fixtures.unique("physician"), "PHYSICIAN");
        String community = Fixtures.addClinician(center, Fixtures.unique("community"), "COMMUNITY_PHYSICIAN");
        Fixtures.addClinician(Fixtures.createCenter(), Fixtures.unique("elsewhere"), "NURSE");
        given().auth().oauth2(SERVICE).get("/internal/v1/centers/" + center + "/escalation-targets").then().statusCode(200)
                .body("centerId", equalTo(center)).body("scheduledTiers", hasSize(0))
                .body("clinicians.clinicianId", containsInAnyOrder(physician, community))
                .body("clinicians.email", everyItem(notNullValue()));
        given().auth().oauth2(SERVICE).get("/internal/v1/centers/" + Fixtures.createCenter() + "/escalation-targets").then()
                .statusCode(200).body("clinicians", hasSize(0));
        given().auth().oauth2(SERVICE).get("/internal/v1/centers/" + UUID.randomUUID() + "/escalation-targets").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("someone", "coordinator"))
                .get("/internal/v1/centers/" + center + "/escalation-targets").then().statusCode(403);
    }

    @Test
    void servicesReadACentersCoordinators() {
        String center = Fixtures.createCenter();
        String coordinator = Fixtures.addClinician(center, Fixtures.unique("coordinator"), "COORDINATOR");
        Fixtures.addClinician(center, Fixtures.unique("physician"), "PHYSICIAN");
        Fixtures.addClinician(center, Fixtures.unique("community"), "COMMUNITY_PHYSICIAN");
        Fixtures.addClinician(Fixtures.createCenter(), Fixtures.unique("elsewhere"), "COORDINATOR");
        given().auth().oauth2(SERVICE).get("/internal/v1/centers/" + center + "/coordinators").then().statusCode(200)
                .body("centerId", equalTo(center))
                .body("centerName", notNullValue())
                .body("coordinators.clinicianId", contains(coordinator))
                .body("coordinators.email", everyItem(notNullValue()));
        given().auth().oauth2(SERVICE).get("/internal/v1/centers/" + Fixtures.createCenter() + "/coordinators").then()
                .statusCode(200).body("coordinators", hasSize(0));
        given().auth().oauth2(SERVICE).get("/internal/v1/centers/" + UUID.randomUUID() + "/coordinators").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("someone", "coordinator"))
                .get("/internal/v1/centers/" + center + "/coordinators").then().statusCode(403);
    }

    @Test
    void onlyTheServiceRoleMayCallInternalEndpoints() {
        String center = Fixtures.createCenter();
        for (String role : new String[] { "admin", "coordinator", "clinician", "patient", "caregiver",
                "community-physician" }) {
            given().auth().oauth2(TestTokens.token("user-" + role, role)).get("/internal/v1/centers/" + center).then()
                    .statusCode(403).contentType("application/problem+json");
        }
    }
}
