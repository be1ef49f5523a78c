package org.cartcompanion.alert.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.cartcompanion.alert.support.Scenario;
import org.cartcompanion.alert.support.Stubs;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PolicyResourceTest {

    @Inject
    MockMailbox mailbox;

    private static String policy(String levels, int repeat) {
        return """
                {"levels":%s,"repeat":%d,"fallbackEmail":"hotline@hospital.example"}""".formatted(levels, repeat);
    }

    @Test
    void aCenterWithoutAPolicyReadsTheDefault() {
        Scenario s = new Scenario(mailbox);
        given().auth().oauth2(s.token(s.primary, "clinician")).get("/api/v1/escalation-policies/" + s.centerId).then()
                .statusCode(200).body("isDefault", equalTo(true)).body("version", equalTo(0))
                .body("levels.targets", contains(List.of("ON_CALL:PRIMARY"), List.of("ON_CALL:BACKUP")))
                .body("levels.ackTimeoutSeconds", contains(300, 300)).body("repeat", equalTo(1));
    }

    @Test
    void aCoordinatorSavesVersionsAndNewAlertsCopyTheCurrentOne() {
        Scenario s = new Scenario(mailbox);
        String coordinator = s.token(s.coordinator, "coordinator");
        String body = policy("""
                [{"targets":["ON_CALL:PRIMARY","CLINICIAN:%s"],"ackTimeoutSeconds":120},
                 {"targets":["ON_CALL:BACKUP","CARE_TEAM"],"ackTimeoutSeconds":600}]""".formatted(s.coordinator.clinicianId()),
                2);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(body)
                .put("/api/v1/escalation-policies/" + s.centerId).then().statusCode(200).body("version", equalTo(1))
                .body("isDefault", equalTo(false)).body("repeat", equalTo(2))
                .body("fallbackEmail", equalTo("hotline@hospital.example"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(body)
                .put("/api/v1/escalation-policies/" + s.centerId).then().statusCode(200).body("version", equalTo(2));

        // A new alert pages level 1 of the saved policy: the primary and the named coordinator.
        s.deliver("CENTER_NOW");
        s.awaitMails(s.primary.email(), 1);
        s.awaitMails(s.coordinator.email(), 1);
        org.hamcrest.MatcherAssert.assertThat(s.alert().getList("timeline.detail").get(0).toString(),
                org.hamcrest.Matchers.containsString("version 2"));
    }

    @Test
    void aPolicyThatCannotWorkIs422WithEveryReasonAndChangesNothing() {
        Scenario s = new Scenario(mailbox);
        Stubs.escalationTargets(s.centerId, List.of("PRIMARY"), List.of(s.primary));
        String coordinator = s.token(s.coordinator, "coordinator");
        String path = "/api/v1/escalation-policies/" + s.centerId;
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(policy("[]", 1)).put(path).then()
                .statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("levels"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"repeat\":1}").put(path).then()
                .statusCode(422).body("errors.field", hasItem("levels"));
        for (int timeout : new int[] { 9, 3601, 0, -5 }) {
            given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                    .body(policy("[{\"targets\":[\"ON_CALL:PRIMARY\"],\"ackTimeoutSeconds\":" + timeout + "}]", 1)).put(path)
                    .then().statusCode(422).body("errors.field", hasItem("levels[0].ackTimeoutSeconds"));
        }
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(policy("[{\"targets\":[\"ON_CALL:PRIMARY\"],\"ackTimeoutSeconds\":10}]", 11)).put(path).then()
                .statusCode(422).body("errors.field", hasItem("repeat"));
        // Targets that name nobody: an unknown clinician, a tier without a rotation or shift, an unknown code.
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(policy("[{\"targets\":[\"CLINICIAN:" + UUID.randomUUID() + "\"],\"ackTimeoutSeconds\":60},"
                        + "{\"targets\":[\"ON_CALL:BACKUP\"],\"ackTimeoutSeconds\":60}]", 0))
                .put(path).then().statusCode(422)
                .body("errors.field", contains("levels[0].targets[0]", "levels[1].targets[0]"))
                .body("errors.message", hasItem("the BACKUP tier has no rotation or shift"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(policy("[{\"targets\":[\"PAGER:ALL\"],\"ackTimeoutSeconds\":60}]", 0)).put(path).then()
                .statusCode(422).body("errors.field", hasItem("levels[0].targets[0]"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"levels\": [").put(path).then()
                .statusCode(400).contentType("application/problem+json");
        // Nothing was saved.
        given().auth().oauth2(coordinator).get(path).then().statusCode(200).body("isDefault", equalTo(true));
    }

    @Test
    void onlyACoordinatorOfTheCenterSavesAndOnlyItsStaffRead() {
        Scenario s = new Scenario(mailbox);
        Scenario other = new Scenario(mailbox);
        String path = "/api/v1/escalation-policies/" + s.centerId;
        String body = policy("[{\"targets\":[\"ON_CALL:PRIMARY\"],\"ackTimeoutSeconds\":60}]", 0);
        given().auth().oauth2(s.token(s.primary, "clinician")).contentType(ContentType.JSON).body(body).put(path).then()
                .statusCode(403).contentType("application/problem+json");
        for (String role : List.of("patient", "caregiver", "admin", "service", "community-physician")) {
            given().auth().oauth2(TestTokens.token(role.equals("service") ? "patient-service" : "someone", role))
                    .contentType(ContentType.JSON).body(body).put(path)
                    .then().statusCode(403);
        }
        given().auth().oauth2(other.token(other.coordinator, "coordinator")).contentType(ContentType.JSON).body(body)
                .put(path).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(other.token(other.primary, "clinician")).get(path).then().statusCode(404);
        given().auth().oauth2(s.token(s.community, "community-physician")).get(path).then().statusCode(403);
    }

    @Test
    void aCoordinatorElsewhereWhoIsANurseHereReadsButDoesNotSave() {
        Scenario here = new Scenario(mailbox);
        Scenario elsewhere = new Scenario(mailbox);
        Stubs.Person dual = Stubs.Person.fresh("Dual");
        Stubs.staff(dual, here.centerId, "NURSE", elsewhere.centerId, "COORDINATOR");
        String token = TestTokens.token(dual.subject(), "coordinator");
        String body = policy("[{\"targets\":[\"ON_CALL:PRIMARY\"],\"ackTimeoutSeconds\":60}]", 0);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/v1/escalation-policies/" + here.centerId).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(token).get("/api/v1/escalation-policies/" + here.centerId).then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/v1/escalation-policies/" + elsewhere.centerId).then().statusCode(200);
    }
}
