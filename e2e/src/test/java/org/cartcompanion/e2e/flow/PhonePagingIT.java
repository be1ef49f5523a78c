package org.cartcompanion.e2e.flow;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cartcompanion.e2e.system.Api;
import org.cartcompanion.e2e.system.CarTSystem;
import org.cartcompanion.e2e.system.Mailbox;
import org.cartcompanion.e2e.system.Phones;
import org.cartcompanion.e2e.system.Scenario;
import org.cartcompanion.e2e.system.Scenario.Center;
import org.cartcompanion.e2e.system.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pages that wake people, across the real services and the provider's stand-in ({@code dev/PhoneStandIn.java}): the
 * clinicians' contact methods in care-team-service, SMS and calls from alert-service, replies signed as the provider signs.
 */
class PhonePagingIT {

    private static final Pattern CODE = Pattern.compile("Reply (\\d{6}) to acknowledge");

    private static CarTSystem system;
    private static Phones phones;
    private static Tokens tokens;
    private static Scenario scenario;

    @BeforeAll
    static void start() throws Exception {
        system = CarTSystem.shared();
        phones = system.phones();
        tokens = system.tokens();
        scenario = new Scenario(system, new Mailbox(system));
        // One SMS page first: a service that has run for days has loaded and compiled its paths (the provider's client
        // among them); a cold JVM's first request would otherwise be measured.
        Center warmUp = scenario.center(600);
        String phone = phone();
        scenario.contactMethods(warmUp.primaryId(), "SMS " + phone + " 0");
        fever(warmUp, scenario.enroll(warmUp, "patient2-" + warmUp.tag(), 5), "patient2-" + warmUp.tag());
        await().atMost(Duration.ofSeconds(20)).until(() -> !phones.smsTo(phone).isEmpty());
    }

    @Test
    void aFeverTextsThePrimaryWithinASecondAndTheirReplyAcknowledgesSoNoLevelOrCallFollows() throws Exception {
        Center center = scenario.center(10);
        String primaryPhone = phone();
        scenario.contactMethods(center.primaryId(), "SMS " + primaryPhone + " 0", "VOICE " + primaryPhone + " 8",
                "EMAIL " + center.primaryEmail() + " 0");
        String backupPhone = phone();
        scenario.contactMethods(center.backupId(), "SMS " + backupPhone + " 0");
        String patient = scenario.enroll(center, "patient-" + center.tag(), 5);
        Instant sent = Instant.now();
        fever(center, patient);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> !phones.smsTo(primaryPhone).isEmpty());
        Phones.Sent sms = phones.smsTo(primaryPhone).get(0);
        long millis = Duration.between(sent, sms.at()).toMillis();
        System.out.printf("e2e: check-in to the primary's SMS at the provider: %d ms%n", millis);
        assertThat("the SMS within a second of the check-in", millis, lessThan(1000L));
        assertThat(sms.body(), containsString("CENTER_NOW, day 5"));
        assertThat(sms.body(), not(containsString("Ana")));

        Phones.Reply reply = phones.reply(primaryPhone, code(sms.body()));
        assertThat(reply.status(), equalTo(200));
        assertThat(reply.answer(), containsString("acknowledged (CENTER_NOW, day 5)"));
        String alert = alertOf(center, patient);
        Api.Answer acked = Api.get(scenario.alerts("/api/v1/alerts/" + alert), center.coordinator());
        assertThat(acked.at("/status"), equalTo("ACKNOWLEDGED"));
        assertThat(acked.at("/acknowledgedBy"), equalTo("Dr primary-" + center.tag()));

        // Past the call's delay and the level's 10 s: no call, no backup page.
        Thread.sleep(12_000);
        assertThat(phones.callsTo(primaryPhone), empty());
        assertThat(phones.smsTo(backupPhone), empty());
        assertThat(phones.smsTo(primaryPhone), hasSize(1));
        // The patient was told who will call (the enrolled phone, the stand-in's too).
        assertThat(phones.smsTo("+15550123").stream().anyMatch(t -> t.body().contains("Dr primary-" + center.tag()
                + " acknowledged")), equalTo(true));
    }

    @Test
    void aForgedReplyIs403AndChangesNothing() throws Exception {
        Center center = scenario.center(600);
        String primaryPhone = phone();
        scenario.contactMethods(center.primaryId(), "SMS " + primaryPhone + " 0");
        String patient = scenario.enroll(center, "patient-" + center.tag(), 5);
        fever(center, patient);
        await().atMost(Duration.ofSeconds(10)).until(() -> !phones.smsTo(primaryPhone).isEmpty());
        String code = code(phones.smsTo(primaryPhone).get(0).body());
        String form = "From=" + primaryPhone.replace("+", "%2B") + "&Body=" + code;
        HttpClient client = HttpClient.newHttpClient();
        for (String signature : List.of("", "bm90IHRoZSBwcm92aWRlcidzIHNpZ25hdHVyZQ==")) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(scenario.alerts("/api/v1/sms/inbound")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            if (!signature.isEmpty()) {
                request.header("X-Twilio-Signature", signature);
            }
            HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode(), equalTo(403));
            assertThat(answer.headers().firstValue("Content-Type").orElse(""), containsString("application/problem+json"));
        }
        Api.Answer alert = Api.get(scenario.alerts("/api/v1/alerts/" + alertOf(center, patient)), center.coordinator());
        assertThat(alert.at("/status"), equalTo("TRIGGERED"));
    }

    @Test
    void aProviderAnswering500For30SecondsGetsTheSmsOnceWhenItRecovers() throws Exception {
        Center center = scenario.center(600);
        String primaryPhone = phone();
        scenario.contactMethods(center.primaryId(), "SMS " + primaryPhone + " 0", "EMAIL " + center.primaryEmail() + " 0");
        String patient = scenario.enroll(center, "patient-" + center.tag(), 5);
        phones.fail(500, 30);
        Instant failing = Instant.now();
        fever(center, patient);
        String alert = alertOf(center, patient);
        await().atMost(Duration.ofSeconds(10)).until(() -> timeline(center, alert).contains("the SMS provider answered 500"));
        assertThat(phones.smsTo(primaryPhone), empty());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> !phones.smsTo(primaryPhone).isEmpty());
        assertThat("not before the provider recovered", Duration.between(failing, phones.smsTo(primaryPhone).get(0).at())
                .toSeconds() >= 29, equalTo(true));
        Thread.sleep(5_000);
        assertThat("sent once", phones.smsTo(primaryPhone), hasSize(1));
    }

    @Test
    void anInvalidNumberStillEmailsAndTheNextLevelIsOnTime() throws Exception {
        Center center = scenario.center(10);
        String invalid = phone();
        phones.invalid(invalid);
        scenario.contactMethods(center.primaryId(), "SMS " + invalid + " 0", "EMAIL " + center.primaryEmail() + " 0");
        String backupPhone = phone();
        scenario.contactMethods(center.backupId(), "SMS " + backupPhone + " 0");
        String patient = scenario.enroll(center, "patient-" + center.tag(), 5);
        Instant sent = Instant.now();
        fever(center, patient);
        scenario.awaitMail(center.primaryEmail(), 1, Duration.ofSeconds(10));
        String alert = alertOf(center, patient);
        await().atMost(Duration.ofSeconds(10)).until(() -> timeline(center, alert).contains("error 21211"));
        // The backup's SMS at level 2, ten seconds after level 1 (the poller's second of slack).
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> !phones.smsTo(backupPhone).isEmpty());
        long level2 = Duration.between(sent, phones.smsTo(backupPhone).get(0).at()).toMillis();
        System.out.printf("e2e: level 2 SMS %d ms after the check-in (level timeout 10 s)%n", level2);
        assertThat(level2, lessThan(12_500L));
        assertThat("the invalid number was tried once", phones.smsTo(invalid), empty());
        assertThat(Api.get(scenario.alerts("/api/v1/alerts/" + alert), center.coordinator()).text(),
                containsString("\"status\":\"FAILED\""));
    }

    private static void fever(Center center, String patient) {
        fever(center, patient, "patient-" + center.tag());
    }

    private static void fever(Center center, String patient, String subject) {
        scenario.checkIn(patient, tokens.token(subject, "patient"), """
                {"recordedAt":"%s","temperature":{"value":38.6,"unit":"C","method":"ORAL"}}""".formatted(OffsetDateTime.now()))
                .expect(201);
    }

    /** The patient's alert, once it is open. */
    private static String alertOf(Center center, String patient) {
        await().atMost(Duration.ofSeconds(10)).until(() -> Api.get(scenario.alerts("/api/v1/alerts?patientId=" + patient),
                center.coordinator()).at("/items/0/id") != null);
        return Api.get(scenario.alerts("/api/v1/alerts?patientId=" + patient), center.coordinator()).at("/items/0/id");
    }

    private static String timeline(Center center, String alert) {
        return Api.get(scenario.alerts("/api/v1/alerts/" + alert), center.coordinator()).text();
    }

    private static String code(String sms) {
        Matcher m = CODE.matcher(sms);
        if (!m.find()) {
            throw new AssertionError("no reply code in " + sms);
        }
        return m.group(1);
    }

    /** A number of its own for each person (the stand-in keeps everything it was sent). */
    private static String phone() {
        return "+1555" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }
}
