package org.cartcompanion.e2e.access;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.cartcompanion.e2e.system.Api;
import org.cartcompanion.e2e.system.CarTSystem;
import org.cartcompanion.e2e.system.Mailbox;
import org.cartcompanion.e2e.system.Scenario;
import org.cartcompanion.e2e.system.Scenario.Center;
import org.cartcompanion.e2e.system.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every access can be revoked, and the revocation reaches every service within the cache lifetime (10 s): an unlinked
 * caregiver, a clinician whose membership ended (including the alert they were paged for) and a deceased patient's own
 * account each get 404 from patient-service and alert-service.
 */
class RevocationIT {

    /** The services cache memberships, care teams and a subject's patients at most this long. */
    private static final Duration CACHE = Duration.ofSeconds(10);

    private static Scenario scenario;
    private static Tokens tokens;

    @BeforeAll
    static void start() throws Exception {
        CarTSystem system = CarTSystem.shared();
        tokens = system.tokens();
        scenario = new Scenario(system, new Mailbox(system));
    }

    @Test
    void anUnlinkedCaregiverAndAClinicianWhoLeftLoseThePatientAndItsAlertsEverywhere() {
        Center center = scenario.center(600);
        String subject = "revoked-patient-" + center.tag();
        String patient = scenario.enroll(center, subject, 5);
        String patientToken = tokens.token(subject, "patient");
        String caregiver = "revoked-caregiver-" + center.tag();
        Api.post(scenario.patients("/api/v1/patients/" + patient + "/caregivers"), patientToken, """
                {"subject":"%s","name":"Luis P.","relationship":"SPOUSE"}""".formatted(caregiver)).expect(201);
        String caregiverToken = tokens.token(caregiver, "caregiver");
        scenario.checkIn(patient, caregiverToken, """
                {"recordedAt":"%s","temperature":{"value":38.6,"unit":"C","method":"ORAL"}}""".formatted(OffsetDateTime.now()))
                .expect(201);
        scenario.awaitMail(center.primaryEmail(), 1, Duration.ofSeconds(20));
        String alert = Api.get(scenario.alerts("/api/v1/alerts?patientId=" + patient), center.coordinator()).expect(200)
                .at("/items/0/id");
        String primarySubject = "primary-" + center.tag();
        String primaryToken = tokens.token(primarySubject, "clinician");
        List<String> patientReads = List.of(scenario.patients("/api/v1/patients/" + patient),
                scenario.patients("/api/v1/patients/" + patient + "/check-ins"), scenario.alerts("/api/v1/alerts/" + alert));
        for (String url : patientReads) {
            Api.get(url, caregiverToken).expect(200);
            Api.get(url, primaryToken).expect(200);
        }

        // The patient unlinks the caregiver; the coordinator ends the primary's membership.
        Api.call("DELETE", scenario.patients("/api/v1/patients/" + patient + "/caregivers/" + caregiver), patientToken, null,
                java.util.Map.of()).expect(204);
        String primaryId = idOf(center, primarySubject);
        Api.call("DELETE", scenario.care("/api/v1/centers/" + center.id() + "/clinicians/" + primaryId),
                center.coordinator(), null, java.util.Map.of()).expect(204);

        await().atMost(CACHE.plusSeconds(2)).pollInterval(Duration.ofMillis(500)).until(() -> patientReads.stream()
                .allMatch(url -> Api.get(url, caregiverToken).status() == 404 && Api.get(url, primaryToken).status() == 404));
        Api.get(scenario.alerts("/api/v1/alerts?patientId=" + patient), caregiverToken).expect(404);
        Api.post(scenario.alerts("/api/v1/alerts/" + alert + "/acknowledge"), primaryToken, null).expect(404);
        scenario.checkIn(patient, caregiverToken, """
                {"recordedAt":"%s","temperature":{"value":37.0,"unit":"C","method":"ORAL"}}""".formatted(OffsetDateTime.now()))
                .expect(404);
        // The patient and the center's remaining staff still see everything.
        Api.get(scenario.patients("/api/v1/patients/" + patient), patientToken).expect(200);
        Api.get(scenario.alerts("/api/v1/alerts/" + alert), tokens.token("backup-" + center.tag(), "clinician")).expect(200);
    }

    @Test
    void aDeceasedPatientsOwnAccountNoLongerSeesTheRecordAnywhere() {
        Center center = scenario.center(600);
        String subject = "deceased-patient-" + center.tag();
        String patient = scenario.enroll(center, subject, 5);
        String patientToken = tokens.token(subject, "patient");
        scenario.checkIn(patient, patientToken, """
                {"recordedAt":"%s","temperature":{"value":38.6,"unit":"C","method":"ORAL"}}""".formatted(OffsetDateTime.now()))
                .expect(201);
        scenario.awaitMail(center.primaryEmail(), 1, Duration.ofSeconds(20));
        String alert = Api.get(scenario.alerts("/api/v1/alerts?patientId=" + patient), center.coordinator()).expect(200)
                .at("/items/0/id");
        Api.get(scenario.alerts("/api/v1/alerts/" + alert), patientToken).expect(200);

        Api.put(scenario.patients("/api/v1/patients/" + patient + "/status"), center.coordinator(),
                "{\"status\":\"DECEASED\",\"reason\":\"e2e\"}").expect(200);
        await().atMost(CACHE.plusSeconds(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> Api.get(scenario.alerts("/api/v1/alerts/" + alert), patientToken).status() == 404
                        && Api.get(scenario.patients("/api/v1/patients/" + patient), patientToken).status() == 404);
        Api.get(scenario.alerts("/api/v1/alerts/" + alert), center.coordinator()).expect(200);
    }

    private static String idOf(Center center, String subject) {
        var items = Api.get(scenario.care("/api/v1/centers/" + center.id() + "/clinicians"), center.coordinator())
                .expect(200).json().path("items");
        for (var item : items) {
            if (subject.equals(item.path("subject").asText())) {
                return item.path("id").asText();
            }
        }
        throw new AssertionError("no clinician " + subject);
    }
}
