package org.cartcompanion.alert.alert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.cartcompanion.alert.support.Scenario;
import org.cartcompanion.alert.support.Stubs;
import org.cartcompanion.alert.support.Stubs.Person;
import org.cartcompanion.alert.support.TestClock;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who may read and act on an alert, and what bad input gets: each a status, a problem+json body and no change. */
@QuarkusTest
class AlertAccessTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    private static String id(Scenario s) {
        return s.alert().getString("id");
    }

    @Test
    void anUnknownAlertIs404AndAnotherCentersToo() {
        Scenario s = new Scenario(mailbox);
        Scenario other = new Scenario(mailbox);
        s.deliver("CENTER_NOW");
        String id = id(s);
        String stranger = other.token(other.primary, "clinician");
        for (String path : List.of("/api/v1/alerts/" + UUID.randomUUID(), "/api/v1/alerts/not-a-uuid",
                "/api/v1/alerts/" + id)) {
            given().auth().oauth2(stranger).get(path).then().statusCode(404).contentType("application/problem+json");
        }
        given().auth().oauth2(stranger).post("/api/v1/alerts/" + id + "/acknowledge").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body("{\"outcome\":\"FALSE_ALARM\"}")
                .post("/api/v1/alerts/" + id + "/resolve").then().statusCode(404);
        given().auth().oauth2(stranger).queryParam("centerId", s.centerId).get("/api/v1/alerts").then().statusCode(404);
        given().auth().oauth2(stranger).queryParam("patientId", s.patientId).get("/api/v1/alerts").then().statusCode(200)
                .body("items", hasSize(0));
        assertThat(s.alert(id).getString("status"), equalTo("TRIGGERED"));
    }

    @Test
    void patientsAndCaregiversReadTheStatusOfTheirOwnAlertsAndMayNotAcknowledge() {
        Scenario s = new Scenario(mailbox);
        s.deliver("CENTER_NOW");
        String id = id(s);
        String patient = TestTokens.token("patient-" + s.patientId, "patient");
        String caregiver = TestTokens.token("caregiver-" + s.patientId, "caregiver");
        String otherPatient = TestTokens.token("patient-" + UUID.randomUUID(), "patient");
        Stubs.patientsOf("patient-" + s.patientId, s.patientId);
        Stubs.patientsOf("caregiver-" + s.patientId, UUID.randomUUID(), s.patientId);

        given().auth().oauth2(patient).queryParam("patientId", s.patientId).get("/api/v1/alerts").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].status", equalTo("TRIGGERED"))
                .body("items[0].timeline", nullValue()).body("items[0].patientMessage", notNullValue());
        given().auth().oauth2(caregiver).get("/api/v1/alerts/" + id).then().statusCode(200)
                .body("patientMessage", containsString("+15550199")).body("summary", nullValue());
        given().auth().oauth2(otherPatient).get("/api/v1/alerts/" + id).then().statusCode(404);
        given().auth().oauth2(otherPatient).queryParam("patientId", s.patientId).get("/api/v1/alerts").then()
                .statusCode(404);
        given().auth().oauth2(patient).post("/api/v1/alerts/" + id + "/acknowledge").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(caregiver).contentType(ContentType.JSON).body("{\"outcome\":\"FALSE_ALARM\"}")
                .post("/api/v1/alerts/" + id + "/resolve").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("root", "admin")).get("/api/v1/alerts/" + id).then().statusCode(403);
        given().auth().oauth2(TestTokens.token("patient-service", "service")).get("/api/v1/alerts").then()
                .statusCode(403);
        assertThat(s.alert(id).getString("status"), equalTo("TRIGGERED"));
    }

    @Test
    void aCommunityPhysicianActsOnlyOnPatientsTheirCareTeamNamesOrAlertsRoutedToThem() {
        Scenario s = new Scenario(mailbox);
        s.deliver("CENTER_NOW");
        String id = id(s);
        Person outsider = Person.fresh("Outsider");
        Stubs.communityPhysician(outsider, s.centerId);
        given().auth().oauth2(s.token(outsider, "community-physician")).get("/api/v1/alerts/" + id).then()
                .statusCode(404);
        given().auth().oauth2(s.token(outsider, "community-physician")).post("/api/v1/alerts/" + id + "/acknowledge")
                .then().statusCode(404);
        Stubs.careTeam(s.patientId, s.centerId, s.community);
        // Care teams are cached for a moment (0.2 s in tests): the new member counts once the entry expires.
        await().atMost(Duration.ofSeconds(3)).until(() -> given().auth().oauth2(s.token(s.community, "community-physician"))
                .get("/api/v1/alerts/" + id).statusCode() == 200);
        given().auth().oauth2(s.token(s.community, "community-physician")).get("/api/v1/alerts/" + id).then()
                .statusCode(200).body("timeline", notNullValue());
        given().auth().oauth2(s.token(s.community, "community-physician")).queryParam("patientId", s.patientId)
                .get("/api/v1/alerts").then().statusCode(200).body("items[0].id", equalTo(id));
    }

    @Test
    void resolveNeedsAValidOutcomeAndHappensOnce() {
        Scenario s = new Scenario(mailbox);
        s.deliver("CENTER_NOW");
        String id = id(s);
        String clinician = s.token(s.backup, "clinician");
        String path = "/api/v1/alerts/" + id + "/resolve";
        for (String body : List.of("{}", "{\"outcome\":\"CURED\"}", "{\"outcome\":null,\"note\":\"x\"}",
                "{\"outcome\":\"FALSE_ALARM\",\"note\":\"" + "x".repeat(2001) + "\"}", "[1,2]", "{\"outcome\":")) {
            given().auth().oauth2(clinician).contentType(ContentType.JSON).body(body).post(path).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(clinician).post(path).then().statusCode(415);
        assertThat(s.alert(id).getString("status"), equalTo("TRIGGERED"));

        given().auth().oauth2(clinician).contentType(ContentType.JSON).body("{\"outcome\":\"PHONE_FOLLOW_UP\"}").post(path)
                .then().statusCode(200).body("status", equalTo("RESOLVED")).body("acknowledgedBy", equalTo(s.backup.name()));
        given().auth().oauth2(clinician).contentType(ContentType.JSON).body("{\"outcome\":\"FALSE_ALARM\"}").post(path)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(clinician).post("/api/v1/alerts/" + id + "/acknowledge").then().statusCode(409);
        // A new check-in after the resolution opens a new episode.
        s.deliver("CENTER_SAME_DAY");
        given().auth().oauth2(clinician).queryParam("patientId", s.patientId).get("/api/v1/alerts").then()
                .statusCode(200).body("items", hasSize(2)).body("items[0].status", equalTo("TRIGGERED"));
    }

    @Test
    void listsAreCursorPagedAndFiltersAreChecked() {
        Scenario s = new Scenario(mailbox);
        for (int i = 0; i < 3; i++) {
            s.deliver("CENTER_NOW");
            String id = id(s);
            given().auth().oauth2(s.token(s.primary, "clinician")).contentType(ContentType.JSON)
                    .body("{\"outcome\":\"FALSE_ALARM\"}").post("/api/v1/alerts/" + id + "/resolve").then().statusCode(200);
        }
        String coordinator = s.token(s.coordinator, "coordinator");
        String cursor = given().auth().oauth2(coordinator).queryParam("centerId", s.centerId).queryParam("limit", 2)
                .get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(2)).extract().path("nextCursor");
        given().auth().oauth2(coordinator).queryParam("centerId", s.centerId).queryParam("limit", 2)
                .queryParam("cursor", cursor).get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(1))
                .body("nextCursor", nullValue());
        given().auth().oauth2(coordinator).queryParam("centerId", s.centerId).queryParam("status", "TRIGGERED")
                .get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(0));
        for (String[] bad : new String[][] { { "status", "OPEN" }, { "limit", "0" }, { "limit", "101" },
                { "limit", "many" }, { "cursor", "garbage" }, { "patientId", "nope" }, { "centerId", "nope" } }) {
            given().auth().oauth2(coordinator).queryParam(bad[0], bad[1]).get("/api/v1/alerts").then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aClinicianWhoLeftTheCenterLosesItsAlertsEvenThoseTheyWerePagedFor() {
        Scenario s = new Scenario(mailbox);
        s.deliver("CENTER_NOW");
        String id = id(s);
        Mail page = s.awaitMails(s.primary.email(), 1).get(0);
        String link = Scenario.ackLink(page);
        String token = s.token(s.primary, "clinician");
        given().auth().oauth2(token).get("/api/v1/alerts/" + id).then().statusCode(200);

        // Their membership of this center ends; they stay staff (coordinator) of another one.
        UUID elsewhere = UUID.randomUUID();
        Stubs.staff(s.primary, elsewhere, "COORDINATOR");
        Stubs.escalationTargets(s.centerId, List.of("PRIMARY", "BACKUP"), List.of(s.backup, s.coordinator, s.community));
        await().atMost(Duration.ofSeconds(3)).until(() -> given().auth().oauth2(token).get("/api/v1/alerts/" + id)
                .statusCode() == 404);
        given().auth().oauth2(s.token(s.primary, "coordinator")).get("/api/v1/alerts/" + id).then().statusCode(404);
        given().auth().oauth2(token).post("/api/v1/alerts/" + id + "/acknowledge").then().statusCode(404);
        given().auth().oauth2(token).queryParam("patientId", s.patientId).get("/api/v1/alerts").then().statusCode(200)
                .body("items", hasSize(0));
        given().auth().oauth2(token).get("/api/v1/alerts").then().statusCode(200).body("items.id",
                org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
        // The link they were paged with no longer acknowledges; the escalation goes on.
        await().atMost(Duration.ofSeconds(3)).until(() -> given().get(link).statusCode() == 403);
        given().post(link).then().statusCode(403).contentType(ContentType.HTML)
                .body(containsString("no longer belong"));
        given().auth().oauth2(s.token(s.backup, "clinician")).get("/api/v1/alerts/" + id).then().statusCode(200)
                .body("status", equalTo("TRIGGERED"));
    }

    @Test
    void everyReadOfAPatientsAlertsIsOnTheTrailTheCoordinatorReadsAndNobodyRewrites() throws Throwable {
        Scenario s = new Scenario(mailbox);
        s.deliver("CENTER_NOW");
        String id = id(s);
        Mail page = s.awaitMails(s.primary.email(), 1).get(0);
        given().get(Scenario.ackLink(page)).then().statusCode(200);
        given().auth().oauth2(s.token(s.backup, "clinician")).get("/api/v1/alerts/" + id).then().statusCode(200);
        Person stranger = Person.fresh("Stranger");
        Stubs.staff(stranger, UUID.randomUUID(), "PHYSICIAN");
        given().auth().oauth2(s.token(stranger, "clinician")).get("/api/v1/alerts?patientId=" + s.patientId).then()
                .statusCode(200);

        String coordinator = s.token(s.coordinator, "coordinator");
        io.restassured.path.json.JsonPath trail = given().auth().oauth2(coordinator).queryParam("patientId", s.patientId)
                .queryParam("limit", 100).get("/api/v1/audit-events").then().statusCode(200).extract().jsonPath();
        List<String> seen = trail.getList("items.collect { it.actor + ' ' + it.action + ' ' + it.status }");
        assertThat(seen, org.hamcrest.Matchers.hasItem("patient-service TriageEventResource.receive 202"));
        assertThat(seen, org.hamcrest.Matchers.hasItem(s.backup.subject() + " AlertResource.get 200"));
        assertThat(seen, org.hamcrest.Matchers.hasItem(stranger.subject() + " AlertResource.list 200"));
        assertThat(seen, org.hamcrest.Matchers.hasItem("null AckLinkResource.open 200"));
        assertThat(trail.getList("items.path", String.class), org.hamcrest.Matchers.hasItem(
                org.hamcrest.Matchers.endsWith("/ack-links/{token}")));
        String csv = given().auth().oauth2(coordinator).accept("text/csv").queryParam("patientId", s.patientId)
                .get("/api/v1/audit-events").then().statusCode(200).extract().asString();
        assertThat(csv, containsString("," + s.backup.subject() + ",clinician,AlertResource.get,GET,/api/v1/alerts/" + id));
        given().auth().oauth2(s.token(s.primary, "clinician")).queryParam("patientId", s.patientId)
                .get("/api/v1/audit-events").then().statusCode(403);
        given().auth().oauth2(s.token(s.primary, "coordinator")).queryParam("patientId", s.patientId)
                .get("/api/v1/audit-events").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(s.token(stranger, "coordinator")).queryParam("patientId", s.patientId)
                .get("/api/v1/audit-events").then().statusCode(404);

        Throwable refused = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class,
                () -> io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> pool
                        .preparedQuery("UPDATE audit_event SET actor = 'nobody' WHERE patient_id = $1")
                        .execute(io.vertx.mutiny.sqlclient.Tuple.of(s.patientId))));
        // The role's own privilege is revoked (permission denied); a superuser is stopped by the trigger.
        assertThat(refused.getMessage(), org.hamcrest.Matchers.anyOf(containsString("append-only"),
                containsString("permission denied")));
    }

    @Test
    void aCoordinatorElsewhereWhoIsANurseHereSeesTheAlertButDoesNotResolveItWithThatToken() {
        Scenario s = new Scenario(mailbox);
        s.deliver("CENTER_NOW");
        String id = id(s);
        Person dual = Person.fresh("Dual");
        Stubs.staff(dual, s.centerId, "NURSE", UUID.randomUUID(), "COORDINATOR");
        String asCoordinator = s.token(dual, "coordinator");
        given().auth().oauth2(asCoordinator).get("/api/v1/alerts/" + id).then().statusCode(200);
        given().auth().oauth2(asCoordinator).contentType(ContentType.JSON).body("{\"outcome\":\"FALSE_ALARM\"}")
                .post("/api/v1/alerts/" + id + "/resolve").then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Your role at this center (NURSE) may not perform this action."));
        assertThat(s.alert(id).getString("status"), equalTo("TRIGGERED"));
        // As the nurse they are here, with a clinician token, they resolve it.
        given().auth().oauth2(s.token(dual, "clinician")).contentType(ContentType.JSON).body("{\"outcome\":\"FALSE_ALARM\"}")
                .post("/api/v1/alerts/" + id + "/resolve").then().statusCode(200).body("status", equalTo("RESOLVED"));
    }

    @Test
    void aForgedOrExpiredAcknowledgeLinkIsAClearPageAndChangesNothing() {
        Scenario s = new Scenario(mailbox);
        s.deliver("CENTER_NOW");
        Mail page = s.awaitMails(s.primary.email(), 1).get(0);
        String link = Scenario.ackLink(page);
        String token = link.substring(link.lastIndexOf('/') + 1);
        String forged = link.substring(0, link.lastIndexOf('/') + 1) + (token.charAt(0) == 'A' ? 'B' : 'A')
                + token.substring(1);
        given().post(forged).then().statusCode(400).contentType(ContentType.HTML)
                .body(containsString("This link is not valid"));
        given().post("/api/v1/alerts/ack-links/not-even-base64!").then().statusCode(400);
        assertThat(s.alert().getString("status"), equalTo("TRIGGERED"));

        TestClock.advance(Duration.ofHours(24).plusMinutes(1));
        given().get(link).then().statusCode(410).body(containsString("expired"));
        given().post(link).then().statusCode(410).body(containsString("expired"));
        assertThat(s.alert().getString("acknowledgedAt"), nullValue());
    }
}
