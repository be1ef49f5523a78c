package org.cartcompanion.careteam.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.cartcompanion.careteam.support.Fixtures;
import org.cartcompanion.careteam.support.Fixtures.Person;
import org.cartcompanion.careteam.support.OtherServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Each phase × disposition: emergencies and center dispositions always go to the center's on-call. */
@QuarkusTest
class RoutingTest {

    @ParameterizedTest(name = "{0} × {1} → {2}")
    @CsvSource({ "CENTER_LED, EMERGENCY, CENTER", "CENTER_LED, CENTER_NOW, CENTER", "CENTER_LED, CENTER_SAME_DAY, CENTER",
            "CENTER_LED, COMMUNITY_24H, CENTER", "CENTER_LED, SELF_CARE, CENTER", "SHARED, EMERGENCY, CENTER",
            "SHARED, CENTER_NOW, CENTER", "SHARED, CENTER_SAME_DAY, CENTER", "SHARED, COMMUNITY_24H, COMMUNITY",
            "SHARED, SELF_CARE, CENTER", "COMMUNITY_LED, EMERGENCY, CENTER", "COMMUNITY_LED, CENTER_NOW, CENTER",
            "COMMUNITY_LED, CENTER_SAME_DAY, CENTER", "COMMUNITY_LED, COMMUNITY_24H, COMMUNITY",
            "COMMUNITY_LED, SELF_CARE, CENTER" })
    void phaseAndDispositionDecideWhoIsResponsible(String phase, String disposition, String responsible) {
        String center = Fixtures.createCenter();
        Person coordinator = Fixtures.person(center, "COORDINATOR");
        Person onCall = Fixtures.person(center, "PHYSICIAN");
        Person nurse = Fixtures.person(center, "NURSE");
        Person community = Fixtures.person(center, "COMMUNITY_PHYSICIAN");
        given().auth().oauth2(coordinator.token()).contentType(ContentType.JSON).body("""
                {"tier":"PRIMARY","clinicianIds":["%s"],"startDate":"2026-01-01","handoffTime":"08:00","lengthDays":7}"""
                .formatted(onCall.id())).post("/api/v1/centers/" + center + "/rotations").then().statusCode(201);
        UUID patient = OtherServices.patient(center, 40);
        Fixtures.putCareTeam(coordinator, center, patient, "CENTER_LED", nurse.id() + ":NURSE").statusCode(200);
        if (!"CENTER_LED".equals(phase)) {
            Fixtures.acceptedHandoff(coordinator, patient, community, phase);
        }

        given().auth().oauth2(Fixtures.service()).queryParam("disposition", disposition)
                .get("/internal/v1/routing/patients/" + patient).then().statusCode(200)
                .body("patientId", equalTo(patient.toString())).body("centerId", equalTo(center))
                .body("phase", equalTo(phase)).body("responsible", equalTo(responsible))
                .body("onCall.PRIMARY.clinicianId", contains(onCall.id())).body("onCall.BACKUP", empty())
                .body("careTeam.clinicianId", contains(nurse.id()))
                .body("communityPhysicians.clinicianId",
                        "CENTER_LED".equals(phase) ? empty() : contains(community.id()))
                .body("fallbackEmail", equalTo("hotline@example.org")).body("centerPhone", equalTo("+15550199"));
    }

    @Test
    void aPatientWithoutACareTeamIsCenterLedAtTheCenterPatientServiceNames() {
        String center = Fixtures.createCenter();
        UUID patient = OtherServices.patient(center, 3);
        given().auth().oauth2(Fixtures.service()).queryParam("disposition", "COMMUNITY_24H")
                .queryParam("at", "2026-11-21T02:10:00-06:00").get("/internal/v1/routing/patients/" + patient).then()
                .statusCode(200).body("centerId", equalTo(center)).body("phase", equalTo("CENTER_LED"))
                .body("responsible", equalTo("CENTER")).body("onCall.PRIMARY", empty());
    }

    @Test
    void givenTheCenterAPatientWithoutACareTeamIsRoutedWhilePatientServiceIsDown() {
        String center = Fixtures.createCenter();
        UUID patient = UUID.randomUUID();
        OtherServices.patientServiceFails(patient);
        given().auth().oauth2(Fixtures.service()).queryParam("disposition", "CENTER_NOW")
                .get("/internal/v1/routing/patients/" + patient).then().statusCode(503);
        given().auth().oauth2(Fixtures.service()).queryParam("disposition", "CENTER_NOW").queryParam("centerId", center)
                .get("/internal/v1/routing/patients/" + patient).then().statusCode(200).body("centerId", equalTo(center))
                .body("phase", equalTo("CENTER_LED")).body("responsible", equalTo("CENTER"))
                .body("fallbackEmail", equalTo("hotline@example.org"));
        given().auth().oauth2(Fixtures.service()).queryParam("disposition", "CENTER_NOW")
                .queryParam("centerId", UUID.randomUUID().toString()).get("/internal/v1/routing/patients/" + patient).then()
                .statusCode(404);
    }

    @Test
    void badQuestionsAreAnsweredWithTheReason() {
        given().auth().oauth2(Fixtures.service()).queryParam("disposition", "COMMUNITY_24H")
                .get("/internal/v1/routing/patients/" + UUID.randomUUID()).then().statusCode(404);
        String center = Fixtures.createCenter();
        UUID patient = OtherServices.patient(center, 3);
        given().auth().oauth2(Fixtures.service()).get("/internal/v1/routing/patients/" + patient).then().statusCode(400);
        given().auth().oauth2(Fixtures.service()).queryParam("disposition", "URGENT")
                .get("/internal/v1/routing/patients/" + patient).then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Fixtures.service()).queryParam("disposition", "EMERGENCY").queryParam("at", "now")
                .get("/internal/v1/routing/patients/" + patient).then().statusCode(400);
        given().auth().oauth2(Fixtures.ADMIN).queryParam("disposition", "EMERGENCY")
                .get("/internal/v1/routing/patients/" + patient).then().statusCode(403);
    }
}
