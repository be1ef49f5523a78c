package org.cartcompanion.careteam.team;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.UUID;

import org.cartcompanion.careteam.support.Fixtures;
import org.cartcompanion.careteam.support.Fixtures.Person;
import org.cartcompanion.careteam.support.OtherServices;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CareTeamResourceTest {

    private String center;
    private Person coordinator;
    private Person physician;
    private Person community;
    private UUID patient;

    @BeforeEach
    void setUp() {
        center = Fixtures.createCenter();
        coordinator = Fixtures.person(center, "COORDINATOR");
        physician = Fixtures.person(center, "PHYSICIAN");
        community = Fixtures.person(center, "COMMUNITY_PHYSICIAN");
        patient = OtherServices.patient(center, 20);
    }

    @Test
    void aCoordinatorSavesTheTeamAndItsMembersAndTheOtherServicesReadIt() {
        Fixtures.putCareTeam(coordinator, center, patient, "CENTER_LED", physician.id() + ":PHYSICIAN",
                community.id() + ":COMMUNITY_PHYSICIAN").statusCode(422)
                .body("errors[0].message", containsString("only by accepting a hand-off"));
        Fixtures.putCareTeam(coordinator, center, patient, "CENTER_LED", physician.id() + ":PHYSICIAN").statusCode(200)
                .body("phase", equalTo("CENTER_LED")).body("members", hasSize(1));
        given().auth().oauth2(community.token()).get("/api/v1/care-teams/" + patient).then().statusCode(404);
        Fixtures.acceptedHandoff(coordinator, patient, community, "SHARED");
        Fixtures.putCareTeam(coordinator, center, patient, "SHARED", physician.id() + ":PHYSICIAN",
                community.id() + ":COMMUNITY_PHYSICIAN").statusCode(200).body("members", hasSize(2))
                .body("members.name", containsInAnyOrder("Dr. " + physician.subject(), "Dr. " + community.subject()));
        given().auth().oauth2(physician.token()).get("/api/v1/care-teams/" + patient).then().statusCode(200)
                .body("centerId", equalTo(center));
        given().auth().oauth2(community.token()).get("/api/v1/care-teams/" + patient).then().statusCode(200);
        given().auth().oauth2(Fixtures.service()).get("/internal/v1/care-teams/" + patient).then().statusCode(200)
                .body("phase", equalTo("SHARED"))
                .body("members.subject", containsInAnyOrder(physician.subject(), community.subject()))
                .body("members.role", containsInAnyOrder("PHYSICIAN", "COMMUNITY_PHYSICIAN"));

        // Taking the patient back to the center and replacing the team drops members no longer named.
        Fixtures.putCareTeam(coordinator, center, patient, "CENTER_LED", physician.id() + ":PHYSICIAN").statusCode(200)
                .body("members", hasSize(1));
        given().auth().oauth2(community.token()).get("/api/v1/care-teams/" + patient).then().statusCode(404);
    }

    @Test
    void onlyAnAcceptedHandoffMovesCareToTheCommunity() {
        Fixtures.putCareTeam(coordinator, center, patient, "SHARED", community.id() + ":COMMUNITY_PHYSICIAN")
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("only when the receiving community physician accepts"));
        given().auth().oauth2(Fixtures.service()).get("/internal/v1/care-teams/" + patient).then().statusCode(404);

        Fixtures.acceptedHandoff(coordinator, patient, community, "SHARED");
        given().auth().oauth2(coordinator.token()).get("/api/v1/care-teams/" + patient).then().statusCode(200)
                .body("phase", equalTo("SHARED")).body("members[0].role", equalTo("COMMUNITY_PHYSICIAN"));
        // A shared team must keep its community physician; the center may take the patient back at any time.
        Fixtures.putCareTeam(coordinator, center, patient, "SHARED", physician.id() + ":PHYSICIAN").statusCode(422)
                .body("errors[0].field", equalTo("members"));
        Fixtures.putCareTeam(coordinator, center, patient, "CENTER_LED", physician.id() + ":PHYSICIAN").statusCode(200)
                .body("phase", equalTo("CENTER_LED"));
    }

    @Test
    void membersTheCenterDoesNotKnowOrInTheWrongCapacityAreRefused() {
        Fixtures.putCareTeam(coordinator, center, patient, "CENTER_LED", UUID.randomUUID() + ":PHYSICIAN").statusCode(422)
                .body("errors[0].field", equalTo("members[0].clinicianId"));
        Fixtures.putCareTeam(coordinator, center, patient, "CENTER_LED", community.id() + ":PHYSICIAN").statusCode(422)
                .body("errors[0].field", equalTo("members[0].role"));
        Fixtures.putCareTeam(coordinator, center, patient, "CENTER_LED", physician.id() + ":COMMUNITY_PHYSICIAN")
                .statusCode(422);
        Fixtures.putCareTeam(coordinator, center, patient, "CENTER_LED", physician.id() + ":PHYSICIAN",
                physician.id() + ":NURSE").statusCode(422).body("errors[0].message", equalTo("appears twice"));
        Fixtures.putCareTeam(coordinator, center, patient, "CENTER_LED", physician.id() + ":SURGEON").statusCode(400);
        given().auth().oauth2(Fixtures.service()).get("/internal/v1/care-teams/" + patient).then().statusCode(404);
    }

    @Test
    void aPatientOfAnotherCenterOrUnknownIsNotFoundAndAnUnreachablePatientServiceChangesNothing() {
        String other = Fixtures.createCenter();
        UUID theirs = OtherServices.patient(other, 20);
        Fixtures.putCareTeam(coordinator, center, theirs, "CENTER_LED").statusCode(404);
        Fixtures.putCareTeam(coordinator, center, UUID.randomUUID(), "CENTER_LED").statusCode(404);
        UUID unreachable = UUID.randomUUID();
        OtherServices.patientServiceFails(unreachable);
        Fixtures.putCareTeam(coordinator, center, unreachable, "CENTER_LED", physician.id() + ":PHYSICIAN")
                .statusCode(503).contentType("application/problem+json");
        given().auth().oauth2(Fixtures.service()).get("/internal/v1/care-teams/" + unreachable).then().statusCode(404);
    }

    @Test
    void everyRoleGetsWhatItMay() {
        Fixtures.putCareTeam(coordinator, center, patient, "CENTER_LED", physician.id() + ":PHYSICIAN").statusCode(200);
        String other = Fixtures.createCenter();
        Person otherCoordinator = Fixtures.person(other, "COORDINATOR");
        Person otherPhysician = Fixtures.person(other, "PHYSICIAN");
        Person strangerCommunity = Fixtures.person(center, "COMMUNITY_PHYSICIAN");
        Fixtures.putCareTeam(otherCoordinator, center, patient, "CENTER_LED").statusCode(404);
        Fixtures.putCareTeam(physician, center, patient, "CENTER_LED").statusCode(403);
        given().auth().oauth2(otherPhysician.token()).get("/api/v1/care-teams/" + patient).then().statusCode(404);
        given().auth().oauth2(strangerCommunity.token()).get("/api/v1/care-teams/" + patient).then().statusCode(404);
        given().auth().oauth2(TestTokens.token("patient-x", "patient")).get("/api/v1/care-teams/" + patient).then()
                .statusCode(403);
        given().get("/api/v1/care-teams/" + patient).then().statusCode(401);
        given().auth().oauth2(coordinator.token()).get("/api/v1/care-teams/" + UUID.randomUUID()).then().statusCode(404);
    }
}
