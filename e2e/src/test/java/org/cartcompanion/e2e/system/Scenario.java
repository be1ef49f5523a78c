package org.cartcompanion.e2e.system;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.cartcompanion.e2e.system.Api.Answer;
import org.cartcompanion.e2e.system.CarTSystem.Service;
import org.cartcompanion.e2e.system.Mailbox.Mail;

/** What the scenarios set up and do, through the public APIs as the people who would. */
public final class Scenario {

    public static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    /** A center with a coordinator, a primary and a backup on call (weekly rotations) and its escalation policy. */
    public record Center(String id, String coordinator, String primaryEmail, String backupEmail, String hotline,
            String tag, String primaryId, String backupId) {
    }

    private final CarTSystem system;
    private final Tokens tokens;
    private final Mailbox mail;

    public Scenario(CarTSystem system, Mailbox mail) {
        this.system = system;
        this.tokens = system.tokens();
        this.mail = mail;
    }

    public String care(String path) {
        return system.url(Service.CARE_TEAM) + path;
    }

    public String patients(String path) {
        return system.url(Service.PATIENT) + path;
    }

    public String alerts(String path) {
        return system.url(Service.ALERT) + path;
    }

    public String admin() {
        return tokens.token("e2e-admin", "admin");
    }

    /** A center whose policy pages the primary, then the backup, {@code levelSeconds} each, once, then the hotline. */
    public Center center(int levelSeconds) {
        Center center = centerOnTheDefaultPolicy();
        Api.put(alerts("/api/v1/escalation-policies/" + center.id()), center.coordinator(), """
                {"levels":[{"targets":["ON_CALL:PRIMARY"],"ackTimeoutSeconds":%d},
                           {"targets":["ON_CALL:BACKUP"],"ackTimeoutSeconds":%d}],
                 "repeat":0,"fallbackEmail":"%s"}""".formatted(levelSeconds, levelSeconds, center.hotline())).expect(200);
        return center;
    }

    /** A center with its coordinator and weekly primary and backup rotations that has saved no escalation policy. */
    public Center centerOnTheDefaultPolicy() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String hotline = "hotline-" + tag + "@e2e.example";
        String id = Api.post(care("/api/v1/centers"), admin(), """
                {"name":"E2E Center %s","timeZone":"America/Chicago","phone":"+15550199","hotlineEmail":"%s"}"""
                .formatted(tag, hotline)).expect(201).at("/id");
        String coordinator = "coord-" + tag;
        clinician(id, coordinator, "COORDINATOR");
        String primary = clinician(id, "primary-" + tag, "PHYSICIAN");
        String backup = clinician(id, "backup-" + tag, "PHYSICIAN");
        String coordinatorToken = tokens.token(coordinator, "coordinator");
        LocalDate yesterday = LocalDate.now(CHICAGO).minusDays(1);
        for (String[] r : new String[][] { { "PRIMARY", primary }, { "BACKUP", backup } }) {
            Api.post(care("/api/v1/centers/" + id + "/rotations"), coordinatorToken, """
                    {"tier":"%s","clinicianIds":["%s"],"startDate":"%s","handoffTime":"08:00","lengthDays":7}"""
                    .formatted(r[0], r[1], yesterday)).expect(201);
        }
        return new Center(id, coordinatorToken, "primary-" + tag + "@e2e.example", "backup-" + tag + "@e2e.example",
                hotline, tag, primary, backup);
    }

    /**
     * Waits until alert-service has stored the center's paging directory with its primary on call (care-team-service tells it
     * of every change), so that paging goes on without care-team-service.
     */
    public void awaitStoredDirectory(Center center) {
        String service = tokens.token("care-team-service", "service");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Answer stored = Api.get(alerts("/internal/v1/center-directories/" + center.id()), service);
            return stored.status() == 200 && center.primaryEmail().equals(stored.at("/onCall/PRIMARY/0/email"))
                    && center.backupEmail().equals(stored.at("/onCall/BACKUP/0/email"));
        });
    }

    /** Adds a clinician to the center (as admin); answers their id. Their email is {@code subject@e2e.example}. */
    public String clinician(String center, String subject, String role) {
        return Api.post(care("/api/v1/centers/" + center + "/clinicians"), admin(), """
                {"subject":"%s","name":"Dr %s","email":"%s@e2e.example","phone":"+15550111","role":"%s"}"""
                .formatted(subject, subject, subject, role)).expect(201).at("/id");
    }

    /**
     * How a clinician is woken: each method {@code "SMS +15551234567 0"} (type, address, delay in seconds), saved as an
     * admin through care-team-service's API.
     */
    public void contactMethods(String clinicianId, String... methods) {
        String body = java.util.Arrays.stream(methods).map(m -> m.split(" ")).map(m -> """
                {"type":"%s","address":"%s","delaySeconds":%s}""".formatted(m[0], m[1], m[2]))
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        Api.put(care("/api/v1/clinicians/" + clinicianId + "/contact-methods"), admin(), body).expect(200);
    }

    /** Enrolls a patient infused {@code daysAgo} days ago; answers the patient's id. */
    public String enroll(Center center, String subject, int daysAgo) {
        return Api.post(patients("/api/v1/patients"), center.coordinator(), """
                {"centerId":"%s","subject":"%s","displayName":"Ana P.","birthYear":1961,"timeZone":"America/Chicago",
                 "infusionDate":"%s","product":"AXI_CEL","disease":"LBCL","phone":"+15550123","language":"en"}"""
                .formatted(center.id(), subject, LocalDate.now(CHICAGO).minusDays(daysAgo))).expect(201).at("/id");
    }

    public Answer checkIn(String patientId, String token, String body) {
        return Api.post(patients("/api/v1/patients/" + patientId + "/check-ins"), token, body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    /**
     * The first mail to the address whose subject contains {@code subject}, once it has come within {@code within}
     * (other mail to the same person, a hand-off notice say, may come before or after it).
     */
    public Mail awaitMail(String address, String subject, Duration within) {
        await().pollInterval(Duration.ofMillis(20)).atMost(within)
                .until(() -> mail.to(address).stream().anyMatch(m -> m.subject().contains(subject)));
        return mail.to(address).stream().filter(m -> m.subject().contains(subject)).findFirst().orElseThrow();
    }

    /** The {@code count}-th mail to the address, once it has come within {@code within}. */
    public Mail awaitMail(String address, int count, Duration within) {
        await().pollInterval(Duration.ofMillis(20)).atMost(within).until(() -> mail.to(address).size() >= count);
        return mail.to(address).get(count - 1);
    }
}
