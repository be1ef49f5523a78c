package org.cartcompanion.alert.instances;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.cartcompanion.alert.instances.Instances.Instance;
import org.cartcompanion.support.testing.Ports;
import org.cartcompanion.support.testing.TestKeys;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.restassured.path.json.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Packaged alert-service instances as separate processes on one PostgreSQL, a real SMTP server, and care-team-service played by
 * WireMock: several replicas send every escalation email exactly once, and a killed service picks its timers up from the
 * database when it restarts.
 */
class EscalationAcrossInstancesIT {

    private static final String SERVICE = TestTokens.token("patient-service", "service");
    private static final Pattern ALERT_LINK = Pattern.compile("/console/alerts/([0-9a-f-]{36})");

    static EmbeddedPostgres postgres;
    static GreenMail smtp;
    static WireMockServer careTeam;
    static Map<String, String> config;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Instances instances;

    @BeforeAll
    static void startDependencies() throws Exception {
        postgres = EmbeddedPostgres.builder().setPort(Ports.restartable()).start();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE DATABASE alert_it");
        }
        smtp = new GreenMail(new ServerSetup(Ports.restartable(), "127.0.0.1", "smtp"));
        smtp.start();
        careTeam = new WireMockServer(options().dynamicPort());
        careTeam.start();
        Path[] keys = TestKeys.writePem();
        String db = "127.0.0.1:" + postgres.getPort() + "/alert_it";
        config = new HashMap<>(Map.of("quarkus.datasource.reactive.url", "postgresql://" + db,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + db, "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres", "mp.jwt.verify.publickey.location", keys[0].toString(),
                "smallrye.jwt.sign.key.location", keys[1].toString(), "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(smtp.getSmtp().getPort()), "quarkus.mailer.mock", "false",
                "quarkus.rest-client.care-team-service.url", careTeam.baseUrl()));
        config.put("quarkus.rest-client.patient-service.url", careTeam.baseUrl());
        config.put("quarkus.log.console.json.enabled", "false");
        config.put("quarkus.profile", "prod");
        config.put("alert.escalation.default-fallback-email", "operator@hospital.example");
        config.put("alert.ack-link.secret", "it-only-ack-link-secret-of-at-least-32-characters");
    }

    @AfterAll
    static void stopDependencies() throws IOException {
        careTeam.stop();
        smtp.stop();
        postgres.close();
    }

    @AfterEach
    void stopInstances() throws InterruptedException {
        if (instances != null) {
            instances.stopAll();
        }
    }

    /** A center whose policy pages clinician A, then B, then the fallback address; everyone known to the stub. */
    private record Center(UUID id, UUID a, UUID b, String fallback, String coordinator) {

        String emailOf(UUID clinician) {
            return "c-" + clinician + "@hospital.example";
        }
    }

    private static Center center(int ackTimeoutSeconds, String viaUrl) throws Exception {
        UUID id = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String coordinator = "coord-" + id;
        Center center = new Center(id, a, b, "fallback-" + id + "@hospital.example", coordinator);
        careTeam.stubFor(get(urlPathEqualTo("/internal/v1/subjects/" + coordinator + "/memberships"))
                .willReturn(
                        json("""
                                {"subject":"%s","clinicianId":"%s","memberships":[{"centerId":"%s","role":"COORDINATOR","staff":true}]}"""
                                .formatted(coordinator, UUID.randomUUID(), id))));
        careTeam.stubFor(get(urlPathEqualTo("/internal/v1/centers/" + id + "/escalation-targets")).willReturn(json("""
                {"centerId":"%s","scheduledTiers":[],"clinicians":[
                  {"clinicianId":"%s","name":"A","email":"%s","phone":null},
                  {"clinicianId":"%s","name":"B","email":"%s","phone":null}]}"""
                .formatted(id, a, center.emailOf(a), b, center.emailOf(b)))));
        careTeam.stubFor(get(urlPathMatching("/internal/v1/routing/patients/.*")).willReturn(json("""
                {"patientId":null,"centerId":null,"phase":"CENTER_LED","responsible":"CENTER","onCall":{},
                 "careTeam":[],"communityPhysicians":[],"fallbackEmail":null,"centerPhone":"+15550199"}""")));
        HttpResponse<String> saved = http.send(HttpRequest.newBuilder(URI.create(viaUrl + "/api/v1/escalation-policies/" + id))
                .header("Authorization", "Bearer " + TestTokens.token(coordinator, "coordinator"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("""
                        {"levels":[{"targets":["CLINICIAN:%s"],"ackTimeoutSeconds":%d},
                                   {"targets":["CLINICIAN:%s"],"ackTimeoutSeconds":%d}],
                         "repeat":0,"fallbackEmail":"%s","exhaustedRepageSeconds":3600}"""
                        .formatted(a, ackTimeoutSeconds, b, ackTimeoutSeconds, center.fallback())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, saved.statusCode(), saved.body());
        return center;
    }

    private static CompletableFuture<HttpResponse<String>> deliver(String viaUrl, Center center, UUID patientId) {
        String event = """
                {"eventId":"%s","patientId":"%s","centerId":"%s","checkInId":"%s","disposition":"CENTER_NOW",
                 "firedRules":["FEVER_P1"],"dayPostInfusion":5,"phase":"P1_ACUTE","summary":"38.4 °C oral",
                 "occurredAt":"%s","product":"AXI_CEL","patientPhone":"+15550123","language":"en"}"""
                .formatted(UUID.randomUUID(), patientId, center.id(), UUID.randomUUID(), OffsetDateTime.now());
        return http.sendAsync(HttpRequest.newBuilder(URI.create(viaUrl + "/internal/v1/triage-events"))
                .header("Authorization", "Bearer " + SERVICE).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** (recipient, alert id) → how many mails, over everything the SMTP server received. */
    private static Map<String, Integer> mailsByRecipientAndAlert() throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            Matcher alert = ALERT_LINK.matcher(GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "="));
            String id = alert.find() ? alert.group(1) : "?";
            for (var to : m.getRecipients(Message.RecipientType.TO)) {
                counts.merge(to.toString() + " " + id, 1, Integer::sum);
            }
        }
        return counts;
    }

    @Test
    void withoutTheDeploymentFallbackAddressTheServiceRefusesToStart() throws Exception {
        Map<String, String> without = new HashMap<>(config);
        without.remove("alert.escalation.default-fallback-email");
        instances = new Instances(without);
        Instance instance = instances.start();
        assertTrue(instance.process().waitFor(60, TimeUnit.SECONDS), "the service must stop by itself");
        assertNotEquals(0, instance.process().exitValue());
        assertTrue(Files.readString(instance.log()).contains("alert.escalation.default-fallback-email"),
                "the log names the missing setting");

        Map<String, String> invalid = new HashMap<>(config);
        invalid.put("alert.escalation.default-fallback-email", "not an address");
        instances.stopAll();
        instances = new Instances(invalid);
        Instance refused = instances.start();
        assertTrue(refused.process().waitFor(60, TimeUnit.SECONDS), "the service must stop by itself");
        assertNotEquals(0, refused.process().exitValue());
        assertTrue(Files.readString(refused.log()).contains("alert.escalation.default-fallback-email"),
                "the log names the invalid setting");
    }

    @Test
    void threeInstancesSendEveryEscalationEmailExactlyOnce() throws Exception {
        instances = new Instances(config);
        Instance[] three = { instances.start(), instances.start(), instances.start() };
        Instances.awaitReady(Duration.ofSeconds(120), three);
        Center center = center(10, three[0].url());

        int alerts = 200;
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < alerts; i++) {
            sent.add(deliver(three[i % 3].url(), center, UUID.randomUUID()));
        }
        for (CompletableFuture<HttpResponse<String>> response : sent) {
            assertEquals(202, response.get().statusCode(), response.get().body());
        }

        // Each alert: A at once, B after 10 s, the fallback after 20 s (repeat 0).
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> countTo(center.fallback()) >= alerts);
        Thread.sleep(3000);
        Map<String, Integer> counts = mailsByRecipientAndAlert();
        Map<String, Integer> perRecipient = new HashMap<>();
        counts.forEach((key, n) -> {
            if (key.startsWith(center.emailOf(center.a())) || key.startsWith(center.emailOf(center.b()))
                    || key.startsWith(center.fallback())) {
                assertEquals(1, n, "mails for " + key);
                perRecipient.merge(key.substring(0, key.indexOf(' ')), 1, Integer::sum);
            }
        });
        assertEquals(Map.of(center.emailOf(center.a()), alerts, center.emailOf(center.b()), alerts, center.fallback(),
                alerts), perRecipient);
    }

    @Test
    void aKilledInstanceLosesNothingAndARestartedServiceFiresTheNextStepOnTime() throws Exception {
        instances = new Instances(config);
        Instance first = instances.start();
        Instance second = instances.start();
        Instances.awaitReady(Duration.ofSeconds(120), first, second);
        Center center = center(20, first.url());
        UUID patient = UUID.randomUUID();
        assertEquals(202, deliver(first.url(), center, patient).get().statusCode());
        await().atMost(Duration.ofSeconds(10)).until(() -> countTo(center.emailOf(center.a())) == 1);
        // Killed between steps (once the page is recorded as sent): a kill between the SMTP server's acceptance and
        // that record would resend the page, the at-least-once window of a few milliseconds that no SMTP sender closes.
        awaitNotified(second.url(), center, patient, 1);

        // One replica dies mid-escalation; the other takes level 2 on time.
        Instances.kill(first);
        await().atMost(Duration.ofSeconds(30)).until(() -> countTo(center.emailOf(center.b())) == 1);
        JsonPath alert = alert(second.url(), center, patient);
        assertOnTime(alert, "Level 2 paged", Instant.MIN);

        // Then the whole service dies and comes back: the exhaustion step still fires at its due time.
        awaitNotified(second.url(), center, patient, 2);
        Instances.kill(second);
        Instance third = instances.start();
        Instances.awaitReady(Duration.ofSeconds(60), third);
        // Due while nothing ran if the start took longer than the level: then on time means at once on start.
        Instant ready = Instant.now();
        await().atMost(Duration.ofSeconds(40)).until(() -> countTo(center.fallback()) == 1);
        alert = alert(third.url(), center, patient);
        assertOnTime(alert, "The fallback address is paged", ready);
        assertEquals("EXHAUSTED", alert.getString("status"));
        Thread.sleep(2000);
        assertEquals(1, countTo(center.emailOf(center.a())));
        assertEquals(1, countTo(center.emailOf(center.b())));
        assertEquals(1, countTo(center.fallback()));
    }

    /**
     * The step with this detail happened within 2 s of the time it was due (the previous step's timeout), or of {@code running}
     * when the service only ran again after that.
     */
    private static void assertOnTime(JsonPath alert, String detail, Instant running) {
        List<String> details = alert.getList("timeline.detail");
        List<String> types = alert.getList("timeline.type");
        List<String> times = alert.getList("timeline.at");
        OffsetDateTime previousPage = null;
        for (int i = 0; i < details.size(); i++) {
            if (details.get(i).startsWith(detail)) {
                assertTrue(previousPage != null, "no earlier page in " + details);
                Instant due = previousPage.plusSeconds(20).toInstant();
                Instant at = OffsetDateTime.parse(times.get(i)).toInstant();
                assertTrue(!at.isBefore(due), detail + " came " + Duration.between(at, due).toMillis() + " ms early");
                long lateMillis = Duration.between(running.isAfter(due) ? running : due, at).toMillis();
                assertTrue(lateMillis <= 2000, detail + " was " + lateMillis + " ms late");
                return;
            }
            if (types.get(i).equals("LEVEL_PAGED")) {
                previousPage = OffsetDateTime.parse(times.get(i));
            }
        }
        throw new AssertionError("No '" + detail + "' in " + details);
    }

    private static void awaitNotified(String url, Center center, UUID patient, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> alert(url, center, patient).getList("timeline.type").stream()
                .filter("NOTIFIED"::equals).count() >= count);
    }

    private static JsonPath alert(String url, Center center, UUID patient) throws Exception {
        String token = TestTokens.token(center.coordinator(), "coordinator");
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/alerts?patientId=" + patient))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        String id = JsonPath.from(list.body()).getString("items[0].id");
        HttpResponse<String> one = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/alerts/" + id))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, one.statusCode(), one.body());
        return JsonPath.from(one.body());
    }

    private static long countTo(String address) throws Exception {
        long n = 0;
        for (MimeMessage m : smtp.getReceivedMessages()) {
            for (var to : m.getRecipients(Message.RecipientType.TO)) {
                if (to.toString().equals(address)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }
}
