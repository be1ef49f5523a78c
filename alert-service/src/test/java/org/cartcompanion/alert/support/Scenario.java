package org.cartcompanion.alert.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cartcompanion.alert.support.Stubs.Person;
import org.cartcompanion.support.testing.TestTokens;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * One patient of one center with its own on-call people, routed by the stubs: what most alert tests start from. Every id and
 * address is fresh, so tests do not see each other's alerts or mail.
 */
public final class Scenario {

    public static final String SERVICE = TestTokens.token("patient-service", "service");

    public final UUID centerId = UUID.randomUUID();
    public final UUID patientId = UUID.randomUUID();
    public Person primary = Person.fresh("Primary");
    public Person backup = Person.fresh("Backup");
    public final Person coordinator = Person.fresh("Coordinator");
    public final Person community = Person.fresh("Community");
    public final String fallback = "hotline-" + centerId.toString().substring(0, 8) + "@hospital.example";
    private final MockMailbox mailbox;
    /** The patient's language, as patient-service sends it with each event. */
    public String language = "en";

    public Scenario(MockMailbox mailbox) {
        this.mailbox = mailbox;
        stub();
    }

    /** The primary and backup on call wake by these contact methods ({@code "SMS 0"}, {@code "VOICE 120"}: their own). */
    public Scenario wokenBy(List<String> primaryMethods, List<String> backupMethods) {
        primary = primary.wokenBy(primaryMethods.toArray(String[]::new));
        backup = backup.wokenBy(backupMethods.toArray(String[]::new));
        stub();
        return this;
    }

    /** The primary on call with exactly these contact methods (from {@link Person#method}). */
    public Scenario primaryWith(List<String> methods) {
        primary = primary.withMethods(methods);
        stub();
        return this;
    }

    private void stub() {
        Stubs.routing(patientId, centerId, "CENTER", List.of(primary), List.of(backup), List.of(), List.of(community),
                fallback);
        Stubs.staff(primary, centerId, "PHYSICIAN");
        Stubs.staff(backup, centerId, "PHYSICIAN");
        Stubs.staff(coordinator, centerId, "COORDINATOR");
        Stubs.communityPhysician(community, centerId);
        Stubs.escalationTargets(centerId, List.of("PRIMARY", "BACKUP"), List.of(primary, backup, coordinator, community));
    }

    /** Routing says the community physician answers 24-hour dispositions (a SHARED or COMMUNITY_LED phase). */
    public Scenario communityResponsible() {
        Stubs.routing(patientId, centerId, "COMMUNITY", List.of(primary), List.of(backup), List.of(), List.of(community),
                fallback);
        Stubs.careTeam(patientId, centerId, community);
        return this;
    }

    public String event(String disposition, String... rules) {
        return """
                {"eventId":"%s","patientId":"%s","centerId":"%s","checkInId":"%s","disposition":"%s",
                 "firedRules":[%s],"dayPostInfusion":5,"phase":"P1_ACUTE","summary":"38.4 °C oral; RIGORS",
                 "occurredAt":"2026-11-21T02:10:00-06:00","product":"AXI_CEL","patientPhone":"+15550123","language":"%s",
                 "timeZone":"America/Chicago"}"""
                .formatted(UUID.randomUUID(), patientId, centerId, UUID.randomUUID(), disposition,
                        rules.length == 0 ? "\"FEVER_P1\"" : String.join(",", List.of(rules).stream()
                                .map(r -> "\"" + r + "\"").toList()),
                        language);
    }

    public void deliver(String disposition, String... rules) {
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(event(disposition, rules))
                .post("/internal/v1/triage-events").then().statusCode(202);
    }

    public String token(Person person, String role) {
        return TestTokens.token(person.subject(), role);
    }

    /** The patient's open (or latest) alert, as the primary on-call sees it. */
    public JsonPath alert() {
        String id = await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(token(primary, "clinician"))
                .queryParam("patientId", patientId).get("/api/v1/alerts").then().statusCode(200).extract()
                .<String> path("items[0].id"), found -> found != null);
        return alert(id);
    }

    public JsonPath alert(String id) {
        return given().auth().oauth2(token(primary, "clinician")).get("/api/v1/alerts/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    public List<Mail> mailsTo(Person person) {
        return mailbox.getMailsSentTo(person.email());
    }

    public List<Mail> mailsTo(String address) {
        return mailbox.getMailsSentTo(address);
    }

    /** Waits until the address has received exactly {@code count} mails and returns them. */
    public List<Mail> awaitMails(String address, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(address).size() >= count);
        List<Mail> mails = mailsTo(address);
        if (mails.size() != count) {
            throw new AssertionError("Expected " + count + " mails to " + address + ", got " + mails.size());
        }
        return mails;
    }

    /** The acknowledge link in a page email (the path, to call on the service under test). */
    public static String ackLink(Mail mail) {
        Matcher m = ACK_LINK.matcher(mail.getText());
        if (!m.find()) {
            throw new AssertionError("No acknowledge link in: " + mail.getText());
        }
        return m.group(1);
    }

    private static final Pattern ACK_LINK = Pattern.compile("https?://[^/\\s]+(/api/v1/alerts/ack-links/[A-Za-z0-9_-]+)");
}
