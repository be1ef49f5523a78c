package org.cartcompanion.patient.invitation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.cartcompanion.patient.invitation.service.InvitationMailer;
import org.cartcompanion.patient.support.CareTeamStub;
import org.cartcompanion.patient.support.Fixtures;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Patients and caregivers join by invitation (API v1.1): a single-use code, 72 h, mailed, bound to the accepting sign-in. */
@QuarkusTest
class InvitationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Chicago"));
    private static final String CODE = "[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}";

    @Inject
    MockMailbox mailbox;

    @Inject
    InvitationMailer mailer;

    @Inject
    Pool pool;

    /** A patient enrolled without a subject, at a new center; its coordinator's token. */
    record Enrolled(String patientId, UUID center, String coordinator) {
    }

    static Enrolled enrollWithoutSubject() {
        UUID center = UUID.randomUUID();
        String coordinator = Fixtures.coordinatorOf(center);
        String body = Fixtures.enrollmentJson(center, "x", TODAY.minusDays(3)).replace("\"subject\":\"x\",", "");
        String id = given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(body).post("/api/v1/patients")
                .then().statusCode(201).body("subject", nullValue()).extract().path("id");
        return new Enrolled(id, center, coordinator);
    }

    static JsonPath invite(Enrolled p, String json) {
        return given().auth().oauth2(p.coordinator()).contentType(ContentType.JSON).body(json)
                .post("/api/v1/patients/" + p.patientId() + "/invitations").then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/patients/" + p.patientId() + "/invitations/[0-9a-f-]{36}"))
                .extract().jsonPath();
    }

    static io.restassured.response.ValidatableResponse accept(String code, String token) {
        return given().auth().oauth2(token).post("/api/v1/invitations/" + code + "/accept").then();
    }

    void sendMails() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> mailer.sendDue(Instant.now()));
    }

    /** The mails to an address once a pass has sent them (the pass the commit starts may hold the row for a moment). */
    List<Mail> mailsTo(String email) throws Throwable {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (mailbox.getMailsSentTo(email).isEmpty() && System.nanoTime() < deadline) {
            sendMails();
            Thread.sleep(50);
        }
        return mailbox.getMailsSentTo(email);
    }

    @Test
    void aPatientEnrolledWithoutASubjectJoinsWithTheMailedCodeAndReadsTheirRecord() throws Throwable {
        Enrolled p = enrollWithoutSubject();
        String email = Fixtures.unique("ana") + "@example.org";
        Instant before = Instant.now();
        JsonPath created = invite(p, "{\"for\":\"PATIENT\",\"email\":\"" + email + "\"}");
        String code = created.getString("code");
        assertTrue(code.matches(CODE), code);
        assertEquals(p.patientId(), created.getString("patientId"));
        assertEquals("PATIENT", created.getString("for"));
        Duration lifetime = Duration.between(before, OffsetDateTime.parse(created.getString("expiresAt")).toInstant());
        assertTrue(lifetime.compareTo(Duration.ofHours(72).minusMinutes(1)) > 0
                && lifetime.compareTo(Duration.ofHours(72).plusMinutes(1)) < 0, lifetime::toString);
        assertEquals("http://localhost:8081/app/#/join/" + code, created.getString("link"));

        List<Mail> mails = mailsTo(email);
        assertEquals(1, mails.size());
        // The patient's language is Spanish: the mail carries the code and the link.
        assertEquals("Invitación a CAR-T Companion", mails.get(0).getSubject());
        assertTrue(mails.get(0).getText().contains(code) && mails.get(0).getText().contains(created.getString("link")),
                mails.get(0).getText());
        sendMails();
        assertEquals(1, mailbox.getMailsSentTo(email).size(), "mailed once");

        String subject = Fixtures.unique("idp-oid");
        String token = TestTokens.token(subject, "patient");
        given().auth().oauth2(token).get("/api/v1/patients/" + p.patientId()).then().statusCode(404);
        // Typed by hand: lower case, no dashes.
        accept(code.replace("-", "").toLowerCase(), token).statusCode(200).body("patientId", equalTo(p.patientId()))
                .body("role", equalTo("PATIENT"));
        given().auth().oauth2(token).get("/api/v1/patients/" + p.patientId()).then().statusCode(200)
                .body("subject", equalTo(subject));
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).body("patients", hasSize(1));
        // A retry from the same phone answers the same; anybody else finds it used.
        accept(code, token).statusCode(200).body("role", equalTo("PATIENT"));
        accept(code, TestTokens.token(Fixtures.unique("other"), "patient")).statusCode(410)
                .contentType("application/problem+json").body("status", equalTo(410));
        // A new phone, a new identity provider: invited again, the patient moves to the new account; the old one is out.
        String again = invite(p, "{\"for\":\"PATIENT\"}").getString("code");
        String newAccount = TestTokens.token(Fixtures.unique("new-oid"), "patient");
        accept(again, newAccount).statusCode(200).body("role", equalTo("PATIENT"));
        given().auth().oauth2(newAccount).get("/api/v1/patients/" + p.patientId()).then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/patients/" + p.patientId()).then().statusCode(404);
    }

    @Test
    void aCaregiverJoinsWithTheNameAndRelationshipTheInvitationGave() {
        Enrolled p = enrollWithoutSubject();
        String code = invite(p, """
                {"for":"CAREGIVER","name":"Luis P.","relationship":"SPOUSE","phone":"+15550100"}""").getString("code");
        String caregiver = Fixtures.unique("caregiver");
        String token = TestTokens.token(caregiver, "caregiver");

        // A patient account may not take a caregiver's invitation, and nothing changes.
        accept(code, TestTokens.token(Fixtures.unique("p"), "patient")).statusCode(403)
                .contentType("application/problem+json");
        accept(code, token).statusCode(200).body("patientId", equalTo(p.patientId())).body("role", equalTo("CAREGIVER"));
        given().auth().oauth2(token).get("/api/v1/patients/" + p.patientId()).then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"recordedAt\":\"" + OffsetDateTime.now().minusMinutes(1) + "\"}")
                .post("/api/v1/patients/" + p.patientId() + "/check-ins").then().statusCode(201);
        // Another caregiver finds it used.
        accept(code, TestTokens.token(Fixtures.unique("cg2"), "caregiver")).statusCode(410);

        // A second invitation to the same caregiver account: already linked, and the invitation stays usable.
        String second = invite(p, """
                {"for":"CAREGIVER","name":"Luis P.","relationship":"SPOUSE"}""").getString("code");
        accept(second, token).statusCode(409).contentType("application/problem+json");
        accept(second, TestTokens.token(Fixtures.unique("cg3"), "caregiver")).statusCode(200);

        List<?> items = given().auth().oauth2(p.coordinator()).get("/api/v1/patients/" + p.patientId() + "/invitations")
                .then().statusCode(200).body("items", hasSize(2)).body("items[0].status", equalTo("ACCEPTED"))
                .body("items[1].name", equalTo("Luis P.")).body("items[1].acceptedBy", equalTo(caregiver))
                .body("nextCursor", nullValue()).extract().path("items");
        assertFalse(items.toString().contains(code), "the list never shows a code");
    }

    @Test
    void aWithdrawnOrExpiredInvitationIsGoneAndAnUnknownCodeIsNotFound() throws Throwable {
        Enrolled p = enrollWithoutSubject();
        String email = Fixtures.unique("w") + "@example.org";
        JsonPath withdrawn = invite(p, "{\"for\":\"PATIENT\",\"email\":\"" + email + "\"}");
        given().auth().oauth2(p.coordinator())
                .delete("/api/v1/patients/" + p.patientId() + "/invitations/" + withdrawn.getString("id")).then()
                .statusCode(204);
        // Idempotent; the code is not kept (ReminderMailDownTest: a mail not yet sent is not sent after a withdrawal).
        given().auth().oauth2(p.coordinator())
                .delete("/api/v1/patients/" + p.patientId() + "/invitations/" + withdrawn.getString("id")).then()
                .statusCode(204);
        sendMails();
        assertEquals(List.of(), storedCodes(withdrawn.getString("id")));
        String patient = TestTokens.token(Fixtures.unique("p"), "patient");
        accept(withdrawn.getString("code"), patient).statusCode(410).contentType("application/problem+json");

        String expiring = invite(p, "{\"for\":\"PATIENT\"}").getString("id");
        String expiringCode = given().auth().oauth2(p.coordinator()).contentType(ContentType.JSON)
                .body("{\"for\":\"PATIENT\"}").post("/api/v1/patients/" + p.patientId() + "/invitations").then()
                .statusCode(201).extract().path("code");
        VertxContextSupport.subscribeAndAwait(() -> pool
                .preparedQuery("UPDATE invitation SET expires_at = now() - interval '1 second' WHERE patient_id = $1")
                .execute(Tuple.of(UUID.fromString(p.patientId()))));
        accept(expiringCode, patient).statusCode(410);
        given().auth().oauth2(p.coordinator()).get("/api/v1/patients/" + p.patientId() + "/invitations").then()
                .statusCode(200).body("items.status", equalTo(List.of("EXPIRED", "EXPIRED", "WITHDRAWN")));
        given().auth().oauth2(p.coordinator())
                .delete("/api/v1/patients/" + p.patientId() + "/invitations/" + expiring).then().statusCode(204);

        accept("ZZZZ-ZZZZ-ZZZZ", patient).statusCode(404).contentType("application/problem+json");
        accept("not-a-code", patient).statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(p.coordinator())
                .delete("/api/v1/patients/" + p.patientId() + "/invitations/" + UUID.randomUUID()).then().statusCode(404);
        // The patient still has not joined.
        given().auth().oauth2(patient).get("/api/v1/me").then().statusCode(200).body("patients", empty());
    }

    @Test
    void onlyTheCentersCliniciansAndCoordinatorsInviteWithdrawAndList() {
        Enrolled p = enrollWithoutSubject();
        String path = "/api/v1/patients/" + p.patientId() + "/invitations";
        String invitation = "{\"for\":\"CAREGIVER\",\"name\":\"Marta\",\"relationship\":\"CHILD\"}";
        String id = invite(p, invitation).getString("id");

        // Another center's coordinator does not see the patient; a nurse here with a coordinator token elsewhere may not
        // invite.
        UUID elsewhere = UUID.randomUUID();
        given().auth().oauth2(Fixtures.coordinatorOf(elsewhere)).contentType(ContentType.JSON).body(invitation).post(path)
                .then().statusCode(404);
        String dual = Fixtures.unique("dual");
        CareTeamStub.staff(dual, p.center(), "NURSE", elsewhere, "COORDINATOR");
        String nurse = TestTokens.token(dual, "coordinator");
        given().auth().oauth2(nurse).contentType(ContentType.JSON).body(invitation).post(path).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(nurse).delete(path + "/" + id).then().statusCode(403);
        given().auth().oauth2(nurse).get(path).then().statusCode(200);
        given().auth().oauth2(TestTokens.token(Fixtures.unique("cg"), "caregiver")).get(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.token(Fixtures.unique("p"), "patient")).contentType(ContentType.JSON)
                .body(invitation).post(path).then().statusCode(403);
        given().contentType(ContentType.JSON).body(invitation).post(path).then().statusCode(401);
        given().auth().oauth2(TestTokens.token("care-team-service", "service"))
                .post("/api/v1/invitations/ABCD-EFGH-JKMN/accept").then().statusCode(403);

        // A clinician of the center invites.
        String clinician = Fixtures.unique("clin");
        CareTeamStub.staff(clinician, p.center(), "PHYSICIAN");
        given().auth().oauth2(TestTokens.token(clinician, "clinician")).contentType(ContentType.JSON).body(invitation)
                .post(path).then().statusCode(201);
    }

    @Test
    void badInvitationsAreRefusedAndChangeNothing() {
        Enrolled p = enrollWithoutSubject();
        String path = "/api/v1/patients/" + p.patientId() + "/invitations";
        for (String bad : List.of("{}", "{\"for\":\"NEIGHBOUR\"}", "{\"for\":\"PATIENT\",\"email\":\"not-an-email\"}",
                "{\"for\":\"PATIENT\",\"phone\":\"555\"}")) {
            given().auth().oauth2(p.coordinator()).contentType(ContentType.JSON).body(bad).post(path).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(p.coordinator()).contentType(ContentType.JSON).body("{\"for\":\"CAREGIVER\",\"name\":\"Luis\"}")
                .post(path).then().statusCode(422).body("errors[0].field", equalTo("relationship"));
        given().auth().oauth2(p.coordinator()).contentType(ContentType.JSON)
                .body("{\"for\":\"CAREGIVER\",\"relationship\":\"SPOUSE\"}").post(path).then().statusCode(422)
                .body("errors[0].field", equalTo("name"));
        given().auth().oauth2(p.coordinator()).get(path).then().statusCode(200).body("items", empty());
        given().auth().oauth2(p.coordinator()).get(path + "?limit=0").then().statusCode(400);
        // Enrolment may leave the subject out, but not send a blank one.
        given().auth().oauth2(p.coordinator()).contentType(ContentType.JSON)
                .body(Fixtures.enrollmentJson(p.center(), "  ", TODAY.minusDays(3))).post("/api/v1/patients").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theAuditTrailShowsAnAcceptanceButNotItsCode() throws Throwable {
        Enrolled p = enrollWithoutSubject();
        String code = invite(p, "{\"for\":\"PATIENT\"}").getString("code");
        String subject = Fixtures.unique("p");
        accept(code, TestTokens.token(subject, "patient")).statusCode(200);
        List<String> paths = new ArrayList<>();
        for (Row row : VertxContextSupport.subscribeAndAwait(() -> pool
                .preparedQuery("SELECT path FROM audit_event WHERE patient_id = $1 AND actor = $2")
                .execute(Tuple.of(UUID.fromString(p.patientId()), subject)))) {
            paths.add(row.getString("path"));
        }
        assertEquals(List.of("/api/v1/invitations/{code}/accept"), paths);
    }

    @Test
    void twoPatientInvitationsOnlyOneJoinsAndTheOtherIsWithdrawn() {
        Enrolled p = enrollWithoutSubject();
        String first = invite(p, "{\"for\":\"PATIENT\"}").getString("code");
        String second = invite(p, "{\"for\":\"PATIENT\"}").getString("code");
        String subject = Fixtures.unique("p");
        accept(second, TestTokens.token(subject, "patient")).statusCode(200);
        accept(first, TestTokens.token(Fixtures.unique("p2"), "patient")).statusCode(410);
        // An account that is already a patient's does not become a second patient's.
        Enrolled other = enrollWithoutSubject();
        String third = invite(other, "{\"for\":\"PATIENT\"}").getString("code");
        accept(third, TestTokens.token(subject, "patient")).statusCode(409);
    }

    List<String> storedCodes(String invitationId) throws Throwable {
        List<String> codes = new ArrayList<>();
        for (Row row : VertxContextSupport.subscribeAndAwait(() -> pool
                .preparedQuery("SELECT mail_code FROM invitation WHERE id = $1 AND mail_code IS NOT NULL")
                .execute(Tuple.of(UUID.fromString(invitationId))))) {
            codes.add(row.getString("mail_code"));
        }
        return codes;
    }
}
