package org.cartcompanion.alert.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.cartcompanion.alert.directory.service.DirectoryRefresher;
import org.cartcompanion.alert.support.Scenario;
import org.cartcompanion.alert.support.Stubs;
import org.cartcompanion.alert.support.TestClock;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A center's chat or paging system hears every alert's life: signed CloudEvents (or Slack/Teams messages), retried. */
@QuarkusTest
class WebhookTest {

    private static final String SECRET = "c2VjcmV0LW9mLXRoZS1ob29rLWZvci10ZXN0cy0wMDAx";

    @Inject
    MockMailbox mailbox;

    @Inject
    DirectoryRefresher refresher;

    @Test
    void anAlertsLifeIsPostedAsSignedCloudEventsWithoutThePatient() {
        Scenario s = new Scenario(mailbox);
        String path = hook(s, "CLOUDEVENTS", "ALERT_OPENED\",\"ALERT_ACKNOWLEDGED\",\"ALERT_RESOLVED", 200);
        s.deliver("CENTER_NOW");
        String id = s.alert().getString("id");
        given().auth().oauth2(s.token(s.primary, "clinician")).post("/api/v1/alerts/" + id + "/acknowledge").then()
                .statusCode(200);
        given().auth().oauth2(s.token(s.primary, "clinician")).contentType(ContentType.JSON)
                .body("{\"outcome\":\"COME_TO_CENTER\"}").post("/api/v1/alerts/" + id + "/resolve").then().statusCode(200);
        List<LoggedRequest> posts = awaitPosts(path, 3);
        List<String> types = posts.stream().map(p -> JsonPath.from(p.getBodyAsString()).getString("type")).toList();
        assertThat(types, equalTo(List.of("org.cartcompanion.alert.ALERT_OPENED",
                "org.cartcompanion.alert.ALERT_ACKNOWLEDGED", "org.cartcompanion.alert.ALERT_RESOLVED")));
        for (LoggedRequest p : posts) {
            String body = p.getBodyAsString();
            assertThat(p.getHeader("Content-Type"), equalTo("application/cloudevents+json"));
            assertThat(p.getHeader("X-Signature"), equalTo("sha256=" + hmac(SECRET, body)));
            JsonPath event = JsonPath.from(body);
            assertThat(event.getString("specversion"), equalTo("1.0"));
            assertThat(event.getString("subject"), equalTo(id));
            assertThat(event.getString("data.alertId"), equalTo(id));
            assertThat(event.getString("data.disposition"), equalTo("CENTER_NOW"));
            assertThat("no patient in a chat", body, not(containsString(s.patientId.toString())));
            assertThat(body, not(containsString("+15550123")));
        }
        JsonPath acked = JsonPath.from(posts.get(1).getBodyAsString());
        assertThat(acked.getString("data.status"), equalTo("ACKNOWLEDGED"));
        assertThat(acked.getString("data.acknowledgedBy"), equalTo(s.primary.name()));
        assertThat(JsonPath.from(posts.get(2).getBodyAsString()).getString("data.outcome"), equalTo("COME_TO_CENTER"));
        await().atMost(Duration.ofSeconds(5)).until(() -> s.alert(id).getList("timeline.type", String.class).stream()
                .filter("WEBHOOK_SENT"::equals).count() == 3);
        assertThat(s.alert(id).getList("timeline.detail"), hasItem("ALERT_OPENED posted to localhost"));
    }

    @Test
    void escalationAndNobodyAnsweringReachASlackChannel() {
        Scenario s = new Scenario(mailbox);
        String path = hook(s, "SLACK", "ALERT_ESCALATED\",\"ALERT_EXHAUSTED", 200);
        given().auth().oauth2(s.token(s.coordinator, "coordinator")).contentType(ContentType.JSON).body("""
                {"levels":[{"targets":["ON_CALL:PRIMARY"],"ackTimeoutSeconds":10},{"targets":["ON_CALL:BACKUP"],
                 "ackTimeoutSeconds":10}],"repeat":0,"fallbackEmail":"%s"}""".formatted(s.fallback))
                .put("/api/v1/escalation-policies/" + s.centerId).then().statusCode(200);
        s.deliver("EMERGENCY", "E2");
        s.awaitMails(s.primary.email(), 1);
        TestClock.advance(Duration.ofSeconds(11));
        s.awaitMails(s.backup.email(), 1);
        TestClock.advance(Duration.ofSeconds(11));
        s.awaitMails(s.fallback, 1);
        List<LoggedRequest> posts = awaitPosts(path, 2);
        assertThat(JsonPath.from(posts.get(0).getBodyAsString()).getString("text"), containsString(
                "CAR-T alert EMERGENCY (day 5 after infusion) escalated: level 2 paged"));
        assertThat(JsonPath.from(posts.get(1).getBodyAsString()).getString("text"), containsString("nobody answered"));
        assertThat(posts.get(1).getBodyAsString(), containsString("|Open in the console>"));
    }

    @Test
    void aReceiverThatFailsIsRetriedWithEachAttemptOnTheTimelineAndAGoneOneIsNot() {
        Scenario s = new Scenario(mailbox);
        String path = "/hooks/" + UUID.randomUUID();
        String gone = "/hooks/" + UUID.randomUUID();
        String webhooks = """
                [{"id":"%s","url":"%s","events":["ALERT_OPENED"],"format":"CLOUDEVENTS","secret":"%s"},
                 {"id":"%s","url":"%s","events":["ALERT_OPENED"],"format":"TEAMS","secret":"%s"}]"""
                .formatted(UUID.randomUUID(), Stubs.server().baseUrl() + path, SECRET, UUID.randomUUID(),
                        Stubs.server().baseUrl() + gone, SECRET);
        Stubs.server().stubFor(post(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        Stubs.server().stubFor(post(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(202)));
        Stubs.server().stubFor(post(urlPathEqualTo(gone)).willReturn(aResponse().withStatus(410)));
        Stubs.pagingDirectory(s.centerId, TestClock.now(), List.of(s.primary), List.of(s.backup), List.of(), s.fallback,
                webhooks);
        refresher.refreshNow(s.centerId).await().atMost(Duration.ofSeconds(10));
        s.deliver("CENTER_NOW");
        String id = s.alert().getString("id");
        awaitPosts(path, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> s.alert(id).getList("timeline.detail", String.class)
                .contains("ALERT_OPENED posted to localhost (attempt 2)"));
        List<String> detail = s.alert(id).getList("timeline.detail", String.class);
        assertThat(detail, hasItem("ALERT_OPENED to localhost, attempt 1: the receiver answered 503; next try in 2 s"));
        assertThat(detail, hasItem("ALERT_OPENED to localhost, attempt 1: the receiver answered 410 (the hook is gone); "
                + "not retried"));
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(Stubs.server().findAll(postRequestedFor(urlPathEqualTo(gone))), hasSize(1));
        assertThat(JsonPath.from(Stubs.server().findAll(postRequestedFor(urlPathEqualTo(gone))).get(0).getBodyAsString())
                .getString("attachments[0].contentType"), equalTo("application/vnd.microsoft.card.adaptive"));
    }

    /** The center's one webhook at WireMock, answering {@code status}; the directory refreshed with it. */
    private String hook(Scenario s, String format, String events, int status) {
        String path = "/hooks/" + UUID.randomUUID();
        Stubs.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)));
        Stubs.pagingDirectory(s.centerId, TestClock.now(), List.of(s.primary), List.of(s.backup), List.of(), s.fallback, """
                [{"id":"%s","url":"%s","events":["%s"],"format":"%s","secret":"%s"}]""".formatted(UUID.randomUUID(),
                Stubs.server().baseUrl() + path, events, format, SECRET));
        refresher.refreshNow(s.centerId).await().atMost(Duration.ofSeconds(10));
        return path;
    }

    private static List<LoggedRequest> awaitPosts(String path, int count) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> Stubs.server().findAll(postRequestedFor(urlPathEqualTo(path))).size() >= count);
        return Stubs.server().findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    private static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
