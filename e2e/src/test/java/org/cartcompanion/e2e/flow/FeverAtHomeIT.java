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
import org.cartcompanion.e2e.system.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product's claim across the three real services, through their public APIs only: a febrile patient at home
 * reaches the center's on-call clinician in seconds, and the chain does not stop until someone answers.
 */
class FeverAtHomeIT {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private static CarTSystem system;
    private static Mailbox mail;
    private static Tokens tokens;

    @BeforeAll
    static void start() throws Exception {
        system = CarTSystem.start(Map.of());
        mail = new Mailbox(system.smtp());
        tokens = system.tokens();
    }

    @AfterAll
    static void stop() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    private static String care(String path) {
        return system.url(Service.CARE_TEAM) + path;
    }

    private static String patients(String path) {
        return system.url(Service.PATIENT) + path;
    }

    private static String alerts(String path) {
        return system.url(Service.ALERT) + path;
    }

    /** A center with a coordinator, a primary and a backup on call (daily rotations) and a 10-second policy. */
    record Center(String id, String coordinator, String primaryEmail, String backupEmail, String tag) {
    }

    private static Center center() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String admin = tokens.token("e2e-admin", "admin");
        String id = Api.post(care("/api/v1/centers"), admin, """
                {"name":"E2E Center %s","timeZone":"America/Chicago","phone":"+15550199","hotlineEmail":"hotline-%s@e2e.example"}"""
                .formatted(tag, tag)).expect(201).at("/id");
        String coordinator = "coord-" + tag;
        clinician(admin, id, coordinator, "COORDINATOR");
        String primary = clinician(admin, id, "primary-" + tag, "PHYSICIAN");
        String backup = clinician(admin, id, "backup-" + tag, "PHYSICIAN");
        String coordinatorToken = tokens.token(coordinator, "coordinator");
        LocalDate yesterday = LocalDate.now(CHICAGO).minusDays(1);
        for (String[] r : new String[][] { { "PRIMARY", primary }, { "BACKUP", backup } }) {
            Api.post(care("/api/v1/centers/" + id + "/rotations"), coordinatorToken, """
                    {"tier":"%s","clinicianIds":["%s"],"startDate":"%s","handoffTime":"08:00","lengthDays":7}"""
                    .formatted(r[0], r[1], yesterday)).expect(201);
        }
        Api.put(alerts("/api/v1/escalation-policies/" + id), coordinatorToken, """
                {"levels":[{"targets":["ON_CALL:PRIMARY"],"ackTimeoutSeconds":10},
                           {"targets":["ON_CALL:BACKUP"],"ackTimeoutSeconds":10}],
                 "repeat":0,"fallbackEmail":"hotline-%s@e2e.example"}""".formatted(tag)).expect(200);
        return new Center(id, coordinatorToken, "primary-" + tag + "@e2e.example", "backup-" + tag + "@e2e.example", tag);
    }

    private static String clinician(String admin, String center, String subject, String role) {
        return Api.post(care("/api/v1/centers/" + center + "/clinicians"), admin, """
                {"subject":"%s","name":"Dr %s","email":"%s@e2e.example","phone":"+15550111","role":"%s"}"""
                .formatted(subject, subject, subject, role)).expect(201).at("/id");
    }

    /** Enrolls a patient infused {@code daysAgo} days ago; answers the patient's id. */
    private static String enroll(Center center, String subject, int daysAgo) {
        return Api.post(patients("/api/v1/patients"), center.coordinator(), """
                {"centerId":"%s","subject":"%s","displayName":"Ana P.","birthYear":1961,"timeZone":"America/Chicago",
                 "infusionDate":"%s","product":"AXI_CEL","disease":"LBCL","phone":"+15550123","language":"en"}"""
                .formatted(center.id(), subject, LocalDate.now(CHICAGO).minusDays(daysAgo))).expect(201).at("/id");
    }

    private static Answer checkIn(String patientId, String token, String body) {
        return Api.post(patients("/api/v1/patients/" + patientId + "/check-ins"), token, body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private static Mail awaitMail(String address, int count, Duration within) {
        await().pollInterval(Duration.ofMillis(20)).atMost(within).until(() -> mail.to(address).size() >= count);
        return mail.to(address).get(count - 1);
    }

    @Test
    void aFeverAtHomePagesThePrimaryThenTheBackupUntilALinkAcknowledgesAndThePatientSeesTheOutcome() {
        Center center = center();
        String patientSubject = "patient-" + center.tag();
        String patient = enroll(center, patientSubject, 5);
        String patientToken = tokens.token(patientSubject, "patient");
        String caregiverSubject = "caregiver-" + center.tag();
        Api.post(patients("/api/v1/patients/" + patient + "/caregivers"), patientToken, """
                {"subject":"%s","name":"Luis P.","relationship":"SPOUSE","email":"luis@e2e.example","phone":"+15550100"}"""
                .formatted(caregiverSubject)).expect(201);

        // Day 5, 38.6 °C with rigors, reported by the caregiver: call the center now.
        String caregiverToken = tokens.token(caregiverSubject, "caregiver");
        Instant sent = Instant.now();
        Answer checkIn = checkIn(patient, caregiverToken, """
                {"recordedAt":"%s","temperature":{"value":38.6,"unit":"C","method":"ORAL"},"symptoms":["RIGORS"]}"""
                .formatted(OffsetDateTime.now())).expect(201);
        assertThat(checkIn.at("/triage/disposition"), equalTo("CENTER_NOW"));
        assertThat(checkIn.at("/dayPostInfusion"), equalTo("5"));

        Mail page = awaitMail(center.primaryEmail(), 1, Duration.ofSeconds(5));
        long toPrimary = Duration.between(sent, page.receivedAt()).toMillis();
        assertThat("check-in → the primary's page, ms", toPrimary, lessThanOrEqualTo(1000L));
        assertThat(page.subject(), containsString("CENTER_NOW"));
        assertThat(page.subject(), containsString("day 5"));
        String link = page.ackLink();

        // Nobody answers: the backup is paged when the primary's 10 s run out.
        Mail second = awaitMail(center.backupEmail(), 1, Duration.ofSeconds(25));
        assertThat("the backup is paged after the level timeout",
                Duration.between(page.receivedAt(), second.receivedAt()).toMillis(), greaterThanOrEqualTo(9_000L));

        // The primary acknowledges through the link in the first page: opening it changes nothing, its button does.
        Answer opened = Api.get(link, null).expect(200);
        assertThat(opened.text(), containsString("<form"));
        Answer alertsNow = Api.get(alerts("/api/v1/alerts?patientId=" + patient), center.coordinator()).expect(200);
        String alert = alertsNow.at("/items/0/id");
        assertThat(alertsNow.at("/items/0/status"), equalTo("TRIGGERED"));
        Api.post(link, null, null).expect(200);
        Answer acknowledged = Api.get(alerts("/api/v1/alerts/" + alert), center.coordinator()).expect(200);
        assertThat(acknowledged.at("/status"), equalTo("ACKNOWLEDGED"));
        assertThat(acknowledged.at("/acknowledgedBy"), containsString("primary-" + center.tag()));

        Api.post(alerts("/api/v1/alerts/" + alert + "/resolve"), center.coordinator(),
                "{\"outcome\":\"COME_TO_CENTER\",\"note\":\"Seen in the infusion unit\"}").expect(200);

        // The phone sees the outcome.
        Answer seen = Api.get(alerts("/api/v1/alerts/" + alert), patientToken).expect(200);
        assertThat(seen.at("/status"), equalTo("RESOLVED"));
        assertThat(seen.at("/outcome"), equalTo("COME_TO_CENTER"));
        Answer mine = Api.get(alerts("/api/v1/alerts?patientId=" + patient), caregiverToken).expect(200);
        assertThat(mine.json().get("items").size(), equalTo(1));

        // Nothing more is sent once it is acknowledged and resolved.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
        assertThat(mail.to(center.primaryEmail()), hasSize(1));
        assertThat(mail.to(center.backupEmail()), hasSize(1));
        System.out.printf("e2e: check-in → primary's page %d ms; page → backup's page %d ms%n", toPrimary,
                Duration.between(page.receivedAt(), second.receivedAt()).toMillis());
    }

    @Test
    void afterAnAcceptedHandoffA24HourProblemPagesTheCommunityPhysicianAndAFeverStillPagesTheCenter() {
        Center center = center();
        String admin = tokens.token("e2e-admin", "admin");
        String communitySubject = "community-" + center.tag();
        String community = clinician(admin, center.id(), communitySubject, "COMMUNITY_PHYSICIAN");
        String communityEmail = communitySubject + "@e2e.example";
        String patientSubject = "patient35-" + center.tag();
        String patient = enroll(center, patientSubject, 35);
        String patientToken = tokens.token(patientSubject, "patient");

        // Day 35: the center hands the patient to shared care; the community physician reads the summary and accepts.
        String handoff = Api.post(care("/api/v1/handoffs"), center.coordinator(), """
                {"patientId":"%s","toClinicianId":"%s","toPhase":"SHARED","summary":"Counts recovered; shared care from day 35."}"""
                .formatted(patient, community)).expect(201).at("/id");
        String communityToken = tokens.token(communitySubject, "community-physician");
        Answer read = Api.get(care("/api/v1/handoffs/" + handoff), communityToken).expect(200);
        assertThat(read.at("/clinicalSummary/product"), equalTo("AXI_CEL"));
        assertThat(read.at("/clinicalSummary/dayPostInfusion"), equalTo("35"));
        Api.post(care("/api/v1/handoffs/" + handoff + "/accept"), communityToken, null).expect(200);
        assertThat(Api.get(care("/api/v1/care-teams/" + patient), center.coordinator()).expect(200).at("/phase"),
                equalTo("SHARED"));

        // A runny nose and sore throat without fever on day 35: the community physician within 24 h, the center copied.
        Answer cold = checkIn(patient, patientToken, """
                {"recordedAt":"%s","temperature":{"value":37.1,"unit":"C","method":"ORAL"},"symptoms":["RUNNY_NOSE_SORE_THROAT"]}"""
                .formatted(OffsetDateTime.now())).expect(201);
        assertThat(cold.at("/triage/disposition"), equalTo("COMMUNITY_24H"));
        Mail toCommunity = awaitMail(communityEmail, 1, Duration.ofSeconds(10));
        assertThat(toCommunity.subject(), containsString("COMMUNITY_24H"));
        assertThat(toCommunity.subject(), containsString("please acknowledge"));
        Mail copy = awaitMail(center.primaryEmail(), 1, Duration.ofSeconds(10));
        assertThat(copy.subject(), containsString("Copy of CAR-T alert: COMMUNITY_24H"));

        // A fever in the same patient is the center's, whatever the phase: its primary on call is paged.
        Answer fever = checkIn(patient, patientToken, """
                {"recordedAt":"%s","temperature":{"value":38.5,"unit":"C","method":"ORAL"},"symptoms":["RIGORS"]}"""
                .formatted(OffsetDateTime.now())).expect(201);
        assertThat(fever.at("/triage/disposition"), equalTo("CENTER_NOW"));
        Mail page = awaitMail(center.primaryEmail(), 2, Duration.ofSeconds(10));
        assertThat(page.subject(), containsString("CENTER_NOW"));
        assertThat(page.subject(), containsString("please acknowledge"));
        Answer alertsOfPatient = Api.get(alerts("/api/v1/alerts?patientId=" + patient), center.coordinator()).expect(200);
        assertThat(alertsOfPatient.json().get("items").size(), equalTo(1));
        assertThat(alertsOfPatient.at("/items/0/disposition"), equalTo("CENTER_NOW"));
        assertThat(alertsOfPatient.at("/items/0/responsible"), equalTo("CENTER"));
    }
}
