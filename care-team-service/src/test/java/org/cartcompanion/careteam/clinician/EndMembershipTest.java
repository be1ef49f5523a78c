package org.cartcompanion.careteam.clinician;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.cartcompanion.careteam.support.Fixtures;
import org.cartcompanion.careteam.support.Fixtures.Person;
import org.cartcompanion.careteam.support.OtherServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Ending a membership takes the clinician out of everything of that center at once, and editing a contact reaches the pages;
 * tried by a caller who is coordinator at one center and nurse at another.
 */
@QuarkusTest
class EndMembershipTest {

    private String center;
    private Person coordinator;
    private Person leaving;
    private Person staying;

    @BeforeEach
    void centerWithTwoOnCall() {
        center = Fixtures.createCenter();
        coordinator = Fixtures.person(center, "COORDINATOR");
        leaving = Fixtures.person(center, "PHYSICIAN");
        staying = Fixtures.person(center, "PHYSICIAN");
    }

    @Test
    void theirRotationTurnsBecomeGapsTheCenterIsWarnedOfAndTheyLoseAccess() {
        // A daily rotation of the two, from yesterday: the leaving physician holds every other day.
        given().auth().oauth2(coordinator.token()).contentType(ContentType.JSON).body("""
                {"tier":"PRIMARY","clinicianIds":["%s","%s"],"startDate":"%s","handoffTime":"08:00","lengthDays":1}"""
                .formatted(leaving.id(), staying.id(), LocalDate.now().minusDays(1))).post(clinicians("rotations"))
                .then().statusCode(201);
        given().auth().oauth2(leaving.token()).get(clinicians("clinicians")).then().statusCode(200);

        Response ended = given().auth().oauth2(coordinator.token()).delete(clinicians("clinicians/" + leaving.id()));
        ended.then().statusCode(204);
        List<String> warnings = ended.headers().getValues("Warning");
        assertTrue(warnings.size() >= 6, "every other day of the next 14 is now a PRIMARY gap: " + warnings);
        assertTrue(warnings.stream().allMatch(w -> w.startsWith("299 care-team-service \"PRIMARY has nobody on call from")),
                warnings.toString());

        given().auth().oauth2(coordinator.token()).get(clinicians("coverage-gaps")).then().statusCode(200)
                .body("items.size()", equalTo(warnings.size() + 1)); // the BACKUP tier was never covered
        given().auth().oauth2(coordinator.token()).get(clinicians("clinicians")).then().statusCode(200)
                .body("items.id", not(hasItem(leaving.id())));
        given().auth().oauth2(leaving.token()).get(clinicians("clinicians")).then().statusCode(404);
        given().auth().oauth2(leaving.token()).get("/api/v1/centers/" + center).then().statusCode(404);
        given().auth().oauth2(Fixtures.service()).get("/internal/v1/subjects/" + leaving.subject() + "/memberships")
                .then().statusCode(200).body("memberships", empty());
        // The on-call now and for routing never names them.
        given().auth().oauth2(Fixtures.service()).get("/internal/v1/centers/" + center + "/paging-directory").then()
                .statusCode(200).body(not(containsString(leaving.id())));

        // Ending twice: the membership is gone.
        given().auth().oauth2(coordinator.token()).delete(clinicians("clinicians/" + leaving.id())).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theyLeaveTheCareTeamsOfTheCentersPatientsAndHandoffsToThemAreWithdrawn() {
        Person gp = Fixtures.person(center, "COMMUNITY_PHYSICIAN");
        UUID patient = OtherServices.patient(center, 40);
        Fixtures.putCareTeam(coordinator, center, patient, "CENTER_LED", staying.id() + ":PHYSICIAN").statusCode(200);
        String handoff = Fixtures.handoff(coordinator, patient, gp, "SHARED");
        UUID other = OtherServices.patient(center, 40);
        Fixtures.putCareTeam(coordinator, center, other, "CENTER_LED", leaving.id() + ":PHYSICIAN").statusCode(200);

        Response ended = given().auth().oauth2(coordinator.token()).delete(clinicians("clinicians/" + gp.id()));
        ended.then().statusCode(204);
        assertTrue(ended.headers().getValues("Warning").stream().anyMatch(w -> w.contains("1 hand-off(s) pending")));
        given().auth().oauth2(coordinator.token()).get("/api/v1/handoffs/" + handoff).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(gp.token()).get("/api/v1/handoffs/" + handoff).then().statusCode(404);
        given().auth().oauth2(gp.token()).get("/api/v1/handoffs").then().statusCode(200).body("items", empty());

        ended = given().auth().oauth2(coordinator.token()).delete(clinicians("clinicians/" + leaving.id()));
        ended.then().statusCode(204);
        assertTrue(ended.headers().getValues("Warning").stream().anyMatch(w -> w.contains("taken off 1 patient care team")));
        given().auth().oauth2(Fixtures.service()).get("/internal/v1/care-teams/" + other).then().statusCode(200)
                .body("members.clinicianId", not(hasItem(leaving.id())));
    }

    @Test
    void onlyTheCentersCoordinatorOrAnAdminEndsAMembership() {
        // Coordinator at another center, nurse here: staff here, not its coordinator.
        String elsewhere = Fixtures.createCenter();
        String dual = Fixtures.unique("dual");
        Fixtures.addClinician(elsewhere, dual, "COORDINATOR");
        Fixtures.addClinician(center, dual, "NURSE");
        String token = org.cartcompanion.support.testing.TestTokens.token(dual, "coordinator");
        given().auth().oauth2(token).delete(clinicians("clinicians/" + leaving.id())).then().statusCode(403);
        given().auth().oauth2(leaving.token()).delete(clinicians("clinicians/" + staying.id())).then().statusCode(403);
        Person outsider = Fixtures.person(Fixtures.createCenter(), "COORDINATOR");
        given().auth().oauth2(outsider.token()).delete(clinicians("clinicians/" + leaving.id())).then().statusCode(404);
        given().auth().oauth2(leaving.token()).get(clinicians("clinicians")).then().statusCode(200);

        given().auth().oauth2(Fixtures.ADMIN).delete(clinicians("clinicians/" + leaving.id())).then().statusCode(204);
        given().auth().oauth2(Fixtures.ADMIN).delete(clinicians("clinicians/" + UUID.randomUUID())).then()
                .statusCode(404);
    }

    @Test
    void theClinicianOrTheCoordinatorEditsTheContactAndOthersMayNot() {
        given().auth().oauth2(leaving.token()).contentType(ContentType.JSON)
                .body("{\"email\":\"new-address@example.org\",\"phone\":\"+15550999\"}")
                .patch(clinicians("clinicians/" + leaving.id())).then().statusCode(200)
                .body("email", equalTo("new-address@example.org")).body("phone", equalTo("+15550999"))
                .body("name", equalTo("Dr. " + leaving.subject()));
        given().auth().oauth2(coordinator.token()).contentType(ContentType.JSON)
                .body("{\"name\":\"Dr. Renamed\",\"phone\":\"\"}")
                .patch(clinicians("clinicians/" + leaving.id())).then().statusCode(200)
                .body("name", equalTo("Dr. Renamed")).body("phone", nullValue());
        given().auth().oauth2(Fixtures.service()).get("/internal/v1/centers/" + center + "/paging-directory").then()
                .statusCode(200).body(containsString("new-address@example.org"));

        given().auth().oauth2(staying.token()).contentType(ContentType.JSON).body("{\"name\":\"Not mine\"}")
                .patch(clinicians("clinicians/" + leaving.id())).then().statusCode(403);
        given().auth().oauth2(coordinator.token()).contentType(ContentType.JSON).body("{\"email\":\"not an email\"}")
                .patch(clinicians("clinicians/" + leaving.id())).then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(coordinator.token()).contentType(ContentType.JSON).body("{\"name\":\"  \"}")
                .patch(clinicians("clinicians/" + leaving.id())).then().statusCode(400);
        given().auth().oauth2(coordinator.token()).contentType(ContentType.JSON).body("{}")
                .patch(clinicians("clinicians/" + leaving.id())).then().statusCode(400);
        given().auth().oauth2(coordinator.token()).get(clinicians("clinicians")).then().statusCode(200)
                .body("items.find { it.id == '%s' }.name".formatted(leaving.id()), equalTo("Dr. Renamed"));
        Person outsider = Fixtures.person(Fixtures.createCenter(), "COORDINATOR");
        given().auth().oauth2(outsider.token()).contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .patch(clinicians("clinicians/" + leaving.id())).then().statusCode(404);
        given().auth().oauth2(coordinator.token()).contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .patch(clinicians("clinicians/" + UUID.randomUUID())).then().statusCode(404);
    }

    private String clinicians(String path) {
        return "/api/v1/centers/" + center + "/" + path;
    }
}
