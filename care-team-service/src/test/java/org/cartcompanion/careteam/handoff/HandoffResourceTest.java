package org.cartcompanion.careteam.handoff;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.cartcompanion.careteam.handoff.service.HandoffJobs;
import org.cartcompanion.careteam.support.Fixtures;
import org.cartcompanion.careteam.support.Fixtures.Person;
import org.cartcompanion.careteam.support.OtherServices;
import org.cartcompanion.careteam.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
class HandoffResourceTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    HandoffJobs jobs;

    @Inject
    Pool pool;

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
        patient = OtherServices.patient(center, 35);
        Fixtures.putCareTeam(coordinator, center, patient, "CENTER_LED", physician.id() + ":PHYSICIAN").statusCode(200);
    }

    private List<Mail> mailTo(Person person, int count) {
        String address = person.subject() + "@example.org";
        await().atMost(Duration.ofSeconds(10)).until(() -> mailbox.getMailsSentTo(address).size() >= count);
        return mailbox.getMailsSentTo(address);
    }

    /** The first mail to the person whose subject says this, once it has come. */
    private Mail mailTo(Person person, String subject) {
        String address = person.subject() + "@example.org";
        await().atMost(Duration.ofSeconds(10)).until(() -> mailbox.getMailsSentTo(address).stream()
                .anyMatch(m -> m.getSubject().contains(subject)));
        return mailbox.getMailsSentTo(address).stream().filter(m -> m.getSubject().contains(subject)).findFirst()
                .orElseThrow();
    }

    private void runJobs() {
        try {
            VertxContextSupport.subscribeAndAwait(jobs::runOnce);
        } catch (Throwable e) {
            throw new AssertionError("the hand-off jobs failed", e);
        }
    }

    @Test
    void theReceiverReadsTheSummaryAndAcceptsAndTheTeamBecomesShared() {
        String id = given().auth().oauth2(physician.token()).contentType(ContentType.JSON).body("""
                {"patientId":"%s","toClinicianId":"%s","toPhase":"SHARED","summary":"Day 35, recovered counts.",
                 "prophylaxis":[{"agent":"acyclovir","covers":"HSV/VZV","until":"2027-11-10"},
                                {"agent":"TMP-SMX","covers":"PJP","until":"2027-05-10"}],
                 "iggPlan":"IVIG 0.4 g/kg if IgG < 400 mg/dL with recurrent infections",
                 "vaccinations":[{"vaccine":"Influenza, inactivated","due":"2027-01-15"}]}"""
                .formatted(patient, community.id())).post("/api/v1/handoffs").then().statusCode(201)
                .header("Location", containsString("/api/v1/handoffs/")).body("status", equalTo("PENDING"))
                .body("fromPhase", equalTo("CENTER_LED")).body("expiresAt", notNullValue()).extract().path("id");

        Mail request = mailTo(community, 1).get(0);
        assertThat(request.getText(), containsString("/console/handoffs/" + id));
        assertThat(request.getText(), not(containsString("Ana P.")));

        given().auth().oauth2(community.token()).get("/api/v1/handoffs/" + id).then().statusCode(200)
                .body("clinicalSummary.product", equalTo("AXI_CEL")).body("clinicalSummary.dayPostInfusion", equalTo(35))
                .body("clinicalSummary.labs.iggMgDl", equalTo(380))
                .body("clinicalSummary.prophylaxisInUse.pjp", equalTo(true))
                .body("clinicalSummary.prophylaxis[1].until", equalTo("2027-05-10"))
                .body("clinicalSummary.iggPlan", containsString("IVIG"))
                .body("clinicalSummary.vaccinations[0].due", equalTo("2027-01-15"))
                .body("clinicalSummary.centerSymptoms", hasItem("CONFUSION"))
                .body("clinicalSummary.centerSymptoms", hasItem("FEVER"));
        given().auth().oauth2(community.token()).get("/api/v1/handoffs?status=PENDING").then().statusCode(200)
                .body("items.id", hasItem(id));

        given().auth().oauth2(community.token()).post("/api/v1/handoffs/" + id + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("decidedBy", equalTo(community.subject()))
                .body("expiresAt", nullValue());
        given().auth().oauth2(coordinator.token()).get("/api/v1/care-teams/" + patient).then()
                .body("phase", equalTo("SHARED")).body("members", hasSize(2));
        mailTo(coordinator, "hand-off accepted");
        given().auth().oauth2(community.token()).post("/api/v1/handoffs/" + id + "/accept").then().statusCode(409);
    }

    @Test
    void onlyTheReceiverDecidesAndADeclineNeedsAReason() {
        Person otherCommunity = Fixtures.person(center, "COMMUNITY_PHYSICIAN");
        String id = Fixtures.handoff(coordinator, patient, community, "SHARED");
        given().auth().oauth2(otherCommunity.token()).post("/api/v1/handoffs/" + id + "/accept").then().statusCode(404);
        given().auth().oauth2(otherCommunity.token()).get("/api/v1/handoffs/" + id).then().statusCode(404);
        given().auth().oauth2(physician.token()).post("/api/v1/handoffs/" + id + "/accept").then().statusCode(403);
        given().auth().oauth2(coordinator.token()).contentType(ContentType.JSON).body("{\"reason\":\"no\"}")
                .post("/api/v1/handoffs/" + id + "/decline").then().statusCode(403);
        given().auth().oauth2(community.token()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/handoffs/" + id + "/decline").then().statusCode(400)
                .body("errors[0].message", equalTo("a decline needs a reason"));
        given().auth().oauth2(community.token()).contentType(ContentType.JSON).body("{\"reason\":\"  \"}")
                .post("/api/v1/handoffs/" + id + "/decline").then().statusCode(400);
        given().auth().oauth2(coordinator.token()).get("/api/v1/handoffs/" + id).then().body("status", equalTo("PENDING"));

        given().auth().oauth2(community.token()).contentType(ContentType.JSON)
                .body("{\"reason\":\"Practice is full until March.\"}").post("/api/v1/handoffs/" + id + "/decline").then()
                .statusCode(200).body("status", equalTo("DECLINED"))
                .body("declineReason", equalTo("Practice is full until March."));
        given().auth().oauth2(coordinator.token()).get("/api/v1/care-teams/" + patient).then()
                .body("phase", equalTo("CENTER_LED"));
        Mail told = mailTo(coordinator, "declined");
        assertThat(told.getText(), not(containsString("March")));
    }

    @Test
    void anUnansweredHandoffIsRemindedOfThenLapsesAndTheCoordinatorIsTold() {
        String id = Fixtures.handoff(physician, patient, community, "SHARED");
        mailTo(community, 1);
        TestClock.advance(Duration.ofHours(48).plusMinutes(1));
        runJobs();
        assertThat(mailTo(community, 2).get(1).getSubject(), containsString("reminder"));
        given().auth().oauth2(coordinator.token()).get("/api/v1/handoffs/" + id).then().body("status", equalTo("PENDING"))
                .body("remindedAt", notNullValue());
        runJobs();
        assertThat(mailbox.getMailsSentTo(community.subject() + "@example.org"), hasSize(2));

        TestClock.advance(Duration.ofHours(24));
        given().auth().oauth2(community.token()).post("/api/v1/handoffs/" + id + "/accept").then().statusCode(409)
                .body("detail", containsString("lapsed"));
        runJobs();
        given().auth().oauth2(coordinator.token()).get("/api/v1/handoffs/" + id).then().body("status", equalTo("EXPIRED"));
        mailTo(coordinator, "not answered");
        mailTo(physician, "not answered");
        given().auth().oauth2(coordinator.token()).get("/api/v1/care-teams/" + patient).then()
                .body("phase", equalTo("CENTER_LED"));
        // Lapsed, a new one may be sent.
        Fixtures.handoff(physician, patient, community, "SHARED");
    }

    @Test
    void aHandoffWhoseReminderTheDatabaseRefusesHoldsUpNoOtherAndIsRemindedOnceItCanBe() {
        Person refused = Fixtures.person(center, "COMMUNITY_PHYSICIAN");
        UUID other = OtherServices.patient(center, 35);
        Fixtures.putCareTeam(coordinator, center, other, "CENTER_LED", physician.id() + ":PHYSICIAN").statusCode(200);
        // The older one first, so it leads every pass.
        String poisoned = Fixtures.handoff(physician, other, refused, "SHARED");
        String healthy = Fixtures.handoff(physician, patient, community, "SHARED");
        mailTo(refused, 1);
        mailTo(community, 1);
        // A trigger stands in for any database error on one row: the reminder to this receiver cannot be written.
        sql("""
                CREATE OR REPLACE FUNCTION refuse_reminder() RETURNS trigger AS $$ BEGIN
                  IF NEW.recipient = '%s@example.org' AND NEW.subject LIKE '%%reminder%%' THEN
                    RAISE EXCEPTION 'refused for the test';
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql""".formatted(refused.subject()));
        sql("CREATE TRIGGER refuse_reminder BEFORE INSERT ON mail_outbox FOR EACH ROW EXECUTE FUNCTION refuse_reminder()");
        try {
            TestClock.advance(Duration.ofHours(48).plusMinutes(1));
            runJobs();
            assertThat(mailTo(community, 2).get(1).getSubject(), containsString("reminder"));
            given().auth().oauth2(coordinator.token()).get("/api/v1/handoffs/" + healthy).then()
                    .body("remindedAt", notNullValue());
            given().auth().oauth2(coordinator.token()).get("/api/v1/handoffs/" + poisoned).then()
                    .body("status", equalTo("PENDING")).body("remindedAt", nullValue());
        } finally {
            sql("DROP TRIGGER IF EXISTS refuse_reminder ON mail_outbox");
        }
        runJobs();
        assertThat(mailTo(refused, 2).get(1).getSubject(), containsString("reminder"));
        given().auth().oauth2(coordinator.token()).get("/api/v1/handoffs/" + poisoned).then()
                .body("remindedAt", notNullValue());
        assertThat("the healthy one was reminded once", mailbox.getMailsSentTo(community.subject() + "@example.org"),
                hasSize(2));
    }

    private void sql(String statement) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> pool.query(statement).execute().replaceWithVoid());
        } catch (Throwable e) {
            throw new AssertionError(statement, e);
        }
    }

    @Test
    void coordinatorsAreToldOnceWhenAPatientReachesTheHandoffDay() {
        // This patient is on day 35: past the default day 14 for shared care, not yet day 100.
        runJobs();
        Mail due = mailTo(coordinator, "due for a hand-off");
        assertThat(due.getText(), containsString("reached day "));
        assertThat(due.getText(), containsString("proposing shared care"));
        runJobs();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> mailbox.getMailsSentTo(coordinator.subject() + "@example.org").size() == 1);
    }

    @Test
    void badHandoffsAreRefusedAndChangeNothing() {
        String body = """
                {"patientId":"%s","toClinicianId":"%s","toPhase":"%s","summary":"s"%s}""";
        given().auth().oauth2(coordinator.token()).contentType(ContentType.JSON)
                .body(body.formatted(patient, community.id(), "CENTER_LED", "")).post("/api/v1/handoffs").then()
                .statusCode(422);
        given().auth().oauth2(coordinator.token()).contentType(ContentType.JSON)
                .body(body.formatted(patient, physician.id(), "SHARED", "")).post("/api/v1/handoffs").then()
                .statusCode(422).body("errors[0].field", equalTo("toClinicianId"));
        given().auth().oauth2(coordinator.token()).contentType(ContentType.JSON)
                .body(body.formatted(patient, community.id(), "SHARED", ",\"centerSymptoms\":[\"HICCUPS\"]"))
                .post("/api/v1/handoffs").then().statusCode(400).body("errors[0].field", equalTo("centerSymptoms[0]"));
        given().auth().oauth2(coordinator.token()).contentType(ContentType.JSON)
                .body(body.formatted(UUID.randomUUID(), community.id(), "SHARED", "")).post("/api/v1/handoffs").then()
                .statusCode(404);
        given().auth().oauth2(coordinator.token()).contentType(ContentType.JSON)
                .body("{\"patientId\":\"%s\",\"toClinicianId\":\"%s\",\"toPhase\":\"SHARED\"}".formatted(patient,
                        community.id()))
                .post("/api/v1/handoffs").then().statusCode(400);
        String other = Fixtures.createCenter();
        Person otherCoordinator = Fixtures.person(other, "COORDINATOR");
        given().auth().oauth2(otherCoordinator.token()).contentType(ContentType.JSON)
                .body(body.formatted(patient, community.id(), "SHARED", "")).post("/api/v1/handoffs").then()
                .statusCode(404);
        given().auth().oauth2(community.token()).contentType(ContentType.JSON)
                .body(body.formatted(patient, community.id(), "SHARED", "")).post("/api/v1/handoffs").then()
                .statusCode(403);
        UUID unreachable = UUID.randomUUID();
        OtherServices.patientServiceFails(unreachable);
        given().auth().oauth2(coordinator.token()).contentType(ContentType.JSON)
                .body(body.formatted(unreachable, community.id(), "SHARED", "")).post("/api/v1/handoffs").then()
                .statusCode(503);
        given().auth().oauth2(coordinator.token()).get("/api/v1/handoffs").then().body("items", hasSize(0));

        String id = Fixtures.handoff(coordinator, patient, community, "SHARED");
        given().auth().oauth2(coordinator.token()).contentType(ContentType.JSON)
                .body(body.formatted(patient, community.id(), "COMMUNITY_LED", "")).post("/api/v1/handoffs").then()
                .statusCode(409);
        given().auth().oauth2(community.token()).post("/api/v1/handoffs/" + id + "/withdraw").then().statusCode(403);
        given().auth().oauth2(coordinator.token()).post("/api/v1/handoffs/" + id + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(community.token()).post("/api/v1/handoffs/" + id + "/accept").then().statusCode(409);
    }
}
