package org.cartcompanion.e2e.flow;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.cartcompanion.e2e.system.Api;
import org.cartcompanion.e2e.system.Api.Answer;
import org.cartcompanion.e2e.system.CarTSystem;
import org.cartcompanion.e2e.system.CarTSystem.Service;
import org.cartcompanion.e2e.system.Mailbox;
import org.cartcompanion.e2e.system.Mailbox.Mail;
import org.cartcompanion.e2e.system.Scenario;
import org.cartcompanion.e2e.system.Scenario.Center;
import org.cartcompanion.e2e.system.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product's claim across the three real services, through their public APIs only: a febrile patient at home
 * reaches the center's on-call clinician in seconds, and the chain does not stop until someone answers.
 */
class FeverAtHomeIT {

    private static CarTSystem system;
    private static Mailbox mail;
    private static Tokens tokens;
    private static Scenario scenario;

    @BeforeAll
    static void start() throws Exception {
        // The shared system: its late-phase (P4) cadence is 10 s, so a missed check-in plays out in seconds.
        system = CarTSystem.shared();
        mail = new Mailbox(system);
        tokens = system.tokens();
        scenario = new Scenario(system, mail);
        // One unreported fever first: a service that has run for days has loaded and compiled its paths; a cold JVM's
        // first request would otherwise be measured.
        Center warmUp = scenario.center(600);
        String patient = scenario.enroll(warmUp, "warm-up-" + warmUp.tag(), 5);
        scenario.checkIn(patient, tokens.token("warm-up-" + warmUp.tag(), "patient"), """
                {"recordedAt":"%s","temperature":{"value":38.6,"unit":"C","method":"ORAL"}}""".formatted(OffsetDateTime.now()))
                .expect(201);
        scenario.awaitMail(warmUp.primaryEmail(), 1, Duration.ofSeconds(20));
    }

    @Test
    void aFeverAtHomePagesThePrimaryThenTheBackupUntilALinkAcknowledgesAndThePatientSeesTheOutcome() {
        Center center = scenario.center(10);
        String patientSubject = "patient-" + center.tag();
        String patient = scenario.enroll(center, patientSubject, 5);
        String patientToken = tokens.token(patientSubject, "patient");
        String caregiverSubject = "caregiver-" + center.tag();
        Api.post(scenario.patients("/api/v1/patients/" + patient + "/caregivers"), patientToken, """
                {"subject":"%s","name":"Luis P.","relationship":"SPOUSE","email":"luis@e2e.example","phone":"+15550100"}"""
                .formatted(caregiverSubject)).expect(201);

        // Day 5, 38.6 °C with rigors, reported by the caregiver: call the center now.
        String caregiverToken = tokens.token(caregiverSubject, "caregiver");
        Instant sent = Instant.now();
        Answer checkIn = scenario.checkIn(patient, caregiverToken, """
                {"recordedAt":"%s","temperature":{"value":38.6,"unit":"C","method":"ORAL"},"symptoms":["RIGORS"]}"""
                .formatted(OffsetDateTime.now())).expect(201);
        assertThat(checkIn.at("/triage/disposition"), equalTo("CENTER_NOW"));
        assertThat(checkIn.at("/dayPostInfusion"), equalTo("5"));

        Mail page = scenario.awaitMail(center.primaryEmail(), 1, Duration.ofSeconds(5));
        long toPrimary = Duration.between(sent, page.receivedAt()).toMillis();
        assertThat("check-in → the primary's page, ms", toPrimary, lessThanOrEqualTo(1000L));
        assertThat(page.subject(), containsString("CENTER_NOW"));
        assertThat(page.subject(), containsString("day 5"));
        String link = page.ackLink();

        // Nobody answers: the backup is paged when the primary's 10 s run out.
        Mail second = scenario.awaitMail(center.backupEmail(), 1, Duration.ofSeconds(25));
        assertThat("the backup is paged after the level timeout",
                Duration.between(page.receivedAt(), second.receivedAt()).toMillis(), greaterThanOrEqualTo(9_000L));

        // The primary acknowledges through the link in the first page: opening it changes nothing, its button does.
        Answer opened = Api.get(link, null).expect(200);
        assertThat(opened.text(), containsString("<form"));
        Answer alertsNow = Api.get(scenario.alerts("/api/v1/alerts?patientId=" + patient), center.coordinator()).expect(200);
        String alert = alertsNow.at("/items/0/id");
        assertThat(alertsNow.at("/items/0/status"), equalTo("TRIGGERED"));
        Api.post(link, null, null).expect(200);
        Answer acknowledged = Api.get(scenario.alerts("/api/v1/alerts/" + alert), center.coordinator()).expect(200);
        assertThat(acknowledged.at("/status"), equalTo("ACKNOWLEDGED"));
        assertThat(acknowledged.at("/acknowledgedBy"), containsString("primary-" + center.tag()));

        Api.post(scenario.alerts("/api/v1/alerts/" + alert + "/resolve"), center.coordinator(),
                "{\"outcome\":\"COME_TO_CENTER\",\"note\":\"Seen in the infusion unit\"}").expect(200);

        // The phone sees the outcome.
        Answer seen = Api.get(scenario.alerts("/api/v1/alerts/" + alert), patientToken).expect(200);
        assertThat(seen.at("/status"), equalTo("RESOLVED"));
        assertThat(seen.at("/outcome"), equalTo("COME_TO_CENTER"));
        Answer mine = Api.get(scenario.alerts("/api/v1/alerts?patientId=" + patient), caregiverToken).expect(200);
        assertThat(mine.json().get("items").size(), equalTo(1));

        // Nothing more is sent once it is acknowledged and resolved.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(14)).until(() -> true);
        assertThat(mail.to(center.primaryEmail()), hasSize(1));
        assertThat(mail.to(center.backupEmail()), hasSize(1));
        System.out.printf("e2e: check-in → primary's page %d ms; page → backup's page %d ms%n", toPrimary,
                Duration.between(page.receivedAt(), second.receivedAt()).toMillis());
    }

    @Test
    void afterAnAcceptedHandoffA24HourProblemPagesTheCommunityPhysicianAndAFeverStillPagesTheCenter() {
        // Levels of 10 min: no escalation of the first alert may come between the two pages this test reads.
        Center center = scenario.center(600);
        String communitySubject = "community-" + center.tag();
        String community = scenario.clinician(center.id(), communitySubject, "COMMUNITY_PHYSICIAN");
        String communityEmail = communitySubject + "@e2e.example";
        String patientSubject = "patient35-" + center.tag();
        String patient = scenario.enroll(center, patientSubject, 35);
        String patientToken = tokens.token(patientSubject, "patient");

        // Day 35: the center hands the patient to shared care; the community physician reads the summary and accepts.
        String handoff = Api.post(scenario.care("/api/v1/handoffs"), center.coordinator(), """
                {"patientId":"%s","toClinicianId":"%s","toPhase":"SHARED","summary":"Counts recovered; shared care from day 35."}"""
                .formatted(patient, community)).expect(201).at("/id");
        String communityToken = tokens.token(communitySubject, "community-physician");
        Answer read = Api.get(scenario.care("/api/v1/handoffs/" + handoff), communityToken).expect(200);
        assertThat(read.at("/clinicalSummary/product"), equalTo("AXI_CEL"));
        assertThat(read.at("/clinicalSummary/dayPostInfusion"), equalTo("35"));
        Api.post(scenario.care("/api/v1/handoffs/" + handoff + "/accept"), communityToken, null).expect(200);
        assertThat(Api.get(scenario.care("/api/v1/care-teams/" + patient), center.coordinator()).expect(200).at("/phase"),
                equalTo("SHARED"));

        // A runny nose and sore throat without fever on day 35: the community physician within 24 h, the center copied.
        Answer cold = scenario.checkIn(patient, patientToken, """
                {"recordedAt":"%s","temperature":{"value":37.1,"unit":"C","method":"ORAL"},"symptoms":["RUNNY_NOSE_SORE_THROAT"]}"""
                .formatted(OffsetDateTime.now())).expect(201);
        assertThat(cold.at("/triage/disposition"), equalTo("COMMUNITY_24H"));
        Mail toCommunity = scenario.awaitMail(communityEmail, "CAR-T alert: COMMUNITY_24H", Duration.ofSeconds(10));
        assertThat(toCommunity.subject(), containsString("COMMUNITY_24H"));
        assertThat(toCommunity.subject(), containsString("please acknowledge"));
        Mail copy = scenario.awaitMail(center.primaryEmail(), 1, Duration.ofSeconds(10));
        assertThat(copy.subject(), containsString("Copy of CAR-T alert: COMMUNITY_24H"));

        // A fever in the same patient is the center's, whatever the phase: its primary on call is paged.
        Answer fever = scenario.checkIn(patient, patientToken, """
                {"recordedAt":"%s","temperature":{"value":38.5,"unit":"C","method":"ORAL"},"symptoms":["RIGORS"]}"""
                .formatted(OffsetDateTime.now())).expect(201);
        assertThat(fever.at("/triage/disposition"), equalTo("CENTER_NOW"));
        Mail page = scenario.awaitMail(center.primaryEmail(), 2, Duration.ofSeconds(10));
        assertThat(page.subject(), containsString("CENTER_NOW"));
        assertThat(page.subject(), containsString("please acknowledge"));
        Answer alertsOfPatient = Api.get(scenario.alerts("/api/v1/alerts?patientId=" + patient), center.coordinator()).expect(200);
        assertThat(alertsOfPatient.json().get("items").size(), equalTo(1));
        assertThat(alertsOfPatient.at("/items/0/disposition"), equalTo("CENTER_NOW"));
        assertThat(alertsOfPatient.at("/items/0/responsible"), equalTo("CENTER"));
    }

    @Test
    void aMissedCheckInRemindsThePatientAndCaregiverThenPagesTheCenter() {
        Center center = scenario.center(30);
        String patientSubject = "patient120-" + center.tag();
        String patientEmail = patientSubject + "@e2e.example";
        Instant enrolled = Instant.now();
        String patient = Api.post(scenario.patients("/api/v1/patients"), center.coordinator(), """
                {"centerId":"%s","subject":"%s","displayName":"Rosa M.","birthYear":1958,"timeZone":"America/Chicago",
                 "infusionDate":"%s","product":"AXI_CEL","disease":"LBCL","phone":"+15550124","email":"%s","language":"en"}"""
                .formatted(center.id(), patientSubject, LocalDate.now(Scenario.CHICAGO).minusDays(120), patientEmail))
                .expect(201).at("/id");
        Instant stored = Instant.now();
        String patientToken = tokens.token(patientSubject, "patient");
        String caregiverEmail = "caregiver120-" + center.tag() + "@e2e.example";
        Api.post(scenario.patients("/api/v1/patients/" + patient + "/caregivers"), patientToken, """
                {"subject":"caregiver120-%s","name":"Tomas M.","relationship":"CHILD","email":"%s","phone":"+15550101"}"""
                .formatted(center.tag(), caregiverEmail)).expect(201);
        Answer me = Api.get(scenario.patients("/api/v1/me"), patientToken).expect(200);
        assertThat(me.at("/patients/0/phase"), equalTo("P4_LATE"));
        Instant due = OffsetDateTime.parse(me.at("/patients/0/nextCheckInDue")).toInstant();
        // Due one P4 interval (10 s in this system) after the enrolment was stored, which happened between the two instants
        // (a second either side for rounding).
        assertThat("the phone is told when the next check-in is due", due.isBefore(enrolled.plusSeconds(9)), equalTo(false));
        assertThat("the phone is told when the next check-in is due", due.isAfter(stored.plusSeconds(11)), equalTo(false));

        // Nothing comes by the due time: the patient and the caregiver are reminded, once each.
        Mail reminder = scenario.awaitMail(patientEmail, 1, Duration.ofSeconds(30));
        assertThat(reminder.subject(), equalTo("Reminder: CAR-T check-in due"));
        assertThat(reminder.text(), containsString("+15550199"));
        assertThat("no reminder before the check-in is due", reminder.receivedAt().isBefore(due), equalTo(false));
        Mail toCaregiver = scenario.awaitMail(caregiverEmail, 1, Duration.ofSeconds(5));
        assertThat(toCaregiver.subject(), equalTo("Reminder: CAR-T check-in due"));
        assertThat(mail.to(center.primaryEmail()), hasSize(0));

        // Still nothing 5 s after the reminder: the center's on-call is paged about the missed check-in.
        Mail page = scenario.awaitMail(center.primaryEmail(), 1, Duration.ofSeconds(20));
        // Escalation counts from the reminder's record (at or after the due time), not from the mail's arrival.
        assertThat("no page before escalate-after has run from the due time",
                Duration.between(due, page.receivedAt()).toMillis(), greaterThanOrEqualTo(4_900L));
        assertThat(page.subject(), containsString("COMMUNITY_24H"));
        assertThat(page.text(), containsString("MISSED_CHECK_IN"));
        Answer alerts = Api.get(scenario.alerts("/api/v1/alerts?patientId=" + patient), center.coordinator()).expect(200);
        assertThat(alerts.json().get("items").size(), equalTo(1));
        assertThat(alerts.at("/items/0/status"), equalTo("TRIGGERED"));

        // One reminder and one page for one missed check-in, however many passes run.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(14)).until(() -> true);
        assertThat(mail.to(patientEmail), hasSize(1));
        assertThat(mail.to(caregiverEmail), hasSize(1));
        assertThat(mail.to(center.primaryEmail()), hasSize(1));
        System.out.printf("e2e: missed check-in due %s → reminder +%d ms → page +%d ms%n", due,
                Duration.between(due, reminder.receivedAt()).toMillis(),
                Duration.between(reminder.receivedAt(), page.receivedAt()).toMillis());
    }
}
