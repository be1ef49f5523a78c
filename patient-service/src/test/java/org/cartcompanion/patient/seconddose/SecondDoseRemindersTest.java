package org.cartcompanion.patient.seconddose;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.cartcompanion.patient.seconddose.service.SecondDoseReminders;
import org.cartcompanion.patient.support.CareTeamStub;
import org.cartcompanion.patient.support.Fixtures;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;

/**
 * clinical-rules.md §10.4: obe-cel without a recorded second dose keeps P1 open to day 26, and from day 13 the center's
 * coordinators are reminded once a day, in the morning of the patient's zone, until the dose is recorded.
 */
@QuarkusTest
class SecondDoseRemindersTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final LocalDate TODAY = LocalDate.now(CHICAGO);

    @Inject
    SecondDoseReminders reminders;

    @Inject
    MockMailbox mailbox;

    int run(LocalDate day, int hour) throws Throwable {
        Instant at = ZonedDateTime.of(day, LocalTime.of(hour, 5), CHICAGO).toInstant();
        return VertxContextSupport.subscribeAndAwait(() -> reminders.runPass(at));
    }

    record Enrolled(String id, String coordinator) {
    }

    static Enrolled enrollObeCel(UUID center, LocalDate infusion) {
        String coordinator = Fixtures.coordinatorOf(center);
        String id = given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(Fixtures.enrollmentJson(center, Fixtures.unique("patient"), infusion).replace("AXI_CEL", "OBE_CEL")
                        .replace("\"disease\":\"LBCL\"", "\"disease\":\"B_ALL\""))
                .post("/api/v1/patients").then().statusCode(201).extract().path("id");
        return new Enrolled(id, coordinator);
    }

    static List<Mail> about(List<Mail> mails, String patientId) {
        return mails.stream().filter(m -> m.getText().contains(patientId)).toList();
    }

    @Test
    void coordinatorsAreRemindedDailyFromDay13UntilTheDoseIsRecorded() throws Throwable {
        UUID center = UUID.randomUUID();
        String first = Fixtures.unique("coord") + "@example.org";
        String second = Fixtures.unique("coord") + "@example.org";
        CareTeamStub.coordinators(center, first, second);
        LocalDate infusion = TODAY.minusDays(12);
        Enrolled patient = enrollObeCel(center, infusion);
        given().auth().oauth2(patient.coordinator()).get("/api/v1/patients/" + patient.id())
                .then().statusCode(200).body("phase", equalTo("P1_ACUTE"));

        // Day 12: the second dose may still be given today.
        run(infusion.plusDays(12), 9);
        assertEquals(0, about(mailbox.getMailsSentTo(first), patient.id()).size());
        // Day 13 before 08:00 in Chicago: not yet; from 08:00: one reminder to each coordinator, once that day.
        run(infusion.plusDays(13), 7);
        assertEquals(0, about(mailbox.getMailsSentTo(first), patient.id()).size());
        run(infusion.plusDays(13), 8);
        run(infusion.plusDays(13), 15);
        List<Mail> toFirst = about(mailbox.getMailsSentTo(first), patient.id());
        assertEquals(1, toFirst.size());
        assertEquals(1, about(mailbox.getMailsSentTo(second), patient.id()).size());
        assertTrue(toFirst.get(0).getSubject().contains("second dose"), toFirst.get(0).getSubject());
        assertTrue(toFirst.get(0).getText().contains("day 26"), toFirst.get(0).getText());
        assertTrue(!toFirst.get(0).getText().contains("Ana P."), "the mail names no patient");
        // The next day again.
        run(infusion.plusDays(14), 9);
        assertEquals(2, about(mailbox.getMailsSentTo(first), patient.id()).size());

        // Recorded: no more reminders, and P1 lasts to 14 days after it.
        given().auth().oauth2(patient.coordinator()).contentType(ContentType.JSON)
                .body("{\"date\":\"%s\"}".formatted(infusion.plusDays(11)))
                .put("/api/v1/patients/" + patient.id() + "/second-dose")
                .then().statusCode(200)
                .body("secondDoseDate", equalTo(infusion.plusDays(11).toString()))
                .body("phase", equalTo("P1_ACUTE"));
        run(infusion.plusDays(15), 9);
        assertEquals(2, about(mailbox.getMailsSentTo(first), patient.id()).size());
    }

    @Test
    void aCenterWithoutCoordinatorsIsRemindedAtItsHotlineAndAFailedAskIsTriedAgain() throws Throwable {
        UUID center = UUID.randomUUID();
        CareTeamStub.center(center, "Riverside CAR-T Center", "+15550199");
        CareTeamStub.coordinators(center);
        LocalDate infusion = TODAY.minusDays(13);
        Enrolled patient = enrollObeCel(center, infusion);
        run(infusion.plusDays(13), 9);
        assertEquals(1, about(mailbox.getMailsSentTo("hotline@example.org"), patient.id()).size());

        // care-team-service failing: nothing sent, the claim given back; once it answers, the reminder goes out that day.
        UUID other = UUID.randomUUID();
        String coordinator = Fixtures.unique("coord") + "@example.org";
        CareTeamStub.coordinatorsFail(other);
        Enrolled failing = enrollObeCel(other, infusion);
        run(infusion.plusDays(13), 9);
        assertEquals(0, about(mailbox.getMailsSentTo(coordinator), failing.id()).size());
        CareTeamStub.coordinators(other, coordinator);
        run(infusion.plusDays(13), 10);
        assertEquals(1, about(mailbox.getMailsSentTo(coordinator), failing.id()).size());
    }

    @Test
    void recordingTheSecondDoseIsCheckedAndOnlyForTheCentersStaff() {
        UUID center = UUID.randomUUID();
        LocalDate infusion = TODAY.minusDays(20);
        Enrolled patient = enrollObeCel(center, infusion);
        String path = "/api/v1/patients/" + patient.id() + "/second-dose";
        for (String bad : new String[] { infusion.toString(), infusion.minusDays(1).toString(),
                TODAY.plusDays(1).toString() }) {
            given().auth().oauth2(patient.coordinator()).contentType(ContentType.JSON).body("{\"date\":\"%s\"}".formatted(bad))
                    .put(path).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("date"));
        }
        given().auth().oauth2(patient.coordinator()).contentType(ContentType.JSON).body("{}").put(path)
                .then().statusCode(400).body("errors.field", hasItem("date"));
        String date = "{\"date\":\"%s\"}".formatted(infusion.plusDays(10));
        // The right role at another center: 404; a patient: 403; no token: 401.
        given().auth().oauth2(Fixtures.coordinatorOf(UUID.randomUUID())).contentType(ContentType.JSON).body(date).put(path)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.token(Fixtures.unique("p"), "patient")).contentType(ContentType.JSON).body(date)
                .put(path).then().statusCode(403);
        given().contentType(ContentType.JSON).body(date).put(path).then().statusCode(401);
        given().auth().oauth2(patient.coordinator()).get("/api/v1/patients/" + patient.id())
                .then().statusCode(200).body("secondDoseDate", org.hamcrest.Matchers.nullValue());

        // Another product has no second dose.
        String axiCel = Fixtures.enroll(center, Fixtures.unique("patient"), infusion);
        given().auth().oauth2(patient.coordinator()).contentType(ContentType.JSON).body(date)
                .put("/api/v1/patients/" + axiCel + "/second-dose").then().statusCode(409)
                .contentType("application/problem+json");

        // Day 20 with the second dose on day 10: P1 to day 24, still P1 today.
        given().auth().oauth2(patient.coordinator()).contentType(ContentType.JSON).body(date).put(path)
                .then().statusCode(200).body("phase", equalTo("P1_ACUTE")).body("dayPostInfusion", equalTo(20));
    }
}
