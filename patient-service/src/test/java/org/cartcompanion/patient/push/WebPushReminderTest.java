package org.cartcompanion.patient.push;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.cartcompanion.patient.heartbeat.service.HeartbeatService;
import org.cartcompanion.patient.push.repository.PushSubscriptionRepository;
import org.cartcompanion.patient.support.Fixtures;
import org.cartcompanion.patient.support.WebPushKeys;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Reminders by web push (issue 20): a browser subscribes from the app, and an overdue check-in reaches it as one message a
 * browser can open (RFC 8291) signed for the push service (RFC 8292), beside the reminder mail; a browser the push service says
 * is gone is forgotten.
 */
@QuarkusTest
class WebPushReminderTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static WireMockServer pushService;

    @Inject
    HeartbeatService heartbeat;

    @Inject
    PushSubscriptionRepository subscriptions;

    @Inject
    MockMailbox mailbox;

    @BeforeAll
    static void startPushService() {
        pushService = new WireMockServer(options().dynamicPort());
        pushService.start();
    }

    @AfterAll
    static void stopPushService() {
        pushService.stop();
    }

    /** A browser: its key pair and auth secret, and the subscription it would send. */
    record Browser(KeyPair keys, byte[] auth, String endpoint) {

        static Browser at(String path) {
            byte[] auth = new byte[16];
            new SecureRandom().nextBytes(auth);
            return new Browser(WebPushCrypto.newKeyPair(), auth, pushService.baseUrl() + path);
        }

        String subscription() {
            return """
                    {"endpoint":"%s","expirationTime":null,"keys":{"p256dh":"%s","auth":"%s"}}"""
                    .formatted(endpoint, WebPushCrypto.encode(WebPushCrypto.raw((ECPublicKey) keys.getPublic())),
                            WebPushCrypto.encode(auth));
        }
    }

    @Test
    void anOverdueCheckInIsPushedToThePatientsBrowserAndAGoneBrowserIsForgotten() throws Throwable {
        given().get("/app/push").then().statusCode(200).body("enabled", equalTo(true))
                .body("publicKey", equalTo(WebPushKeys.publicKey()));
        String subject = Fixtures.unique("patient");
        String email = subject + "@example.org";
        UUID center = UUID.randomUUID();
        String patientId = given().auth().oauth2(Fixtures.coordinatorOf(center)).contentType(ContentType.JSON)
                .body(Fixtures.enrollmentJson(center, subject, LocalDate.now(CHICAGO).minusDays(5))
                        .replace("ana@example.org", email).replace("\"language\":\"es\"", "\"language\":\"en\""))
                .post("/api/v1/patients").then().statusCode(201).extract().path("id");
        String caregiver = Fixtures.unique("cg");
        Fixtures.linkCaregiver(patientId, subject, caregiver);

        Browser phone = Browser.at("/push/" + UUID.randomUUID());
        Browser gone = Browser.at("/push/" + UUID.randomUUID());
        pushService.stubFor(post(urlPathEqualTo(URI(phone))).willReturn(aResponse().withStatus(201)));
        pushService.stubFor(post(urlPathEqualTo(URI(gone))).willReturn(aResponse().withStatus(410)));
        String patientToken = TestTokens.token(subject, "patient");
        given().auth().oauth2(patientToken).contentType(ContentType.JSON).body(phone.subscription())
                .put("/api/v1/me/push-subscriptions").then().statusCode(204);
        // The same browser again is the same subscription.
        given().auth().oauth2(patientToken).contentType(ContentType.JSON).body(phone.subscription())
                .put("/api/v1/me/push-subscriptions").then().statusCode(204);
        given().auth().oauth2(TestTokens.token(caregiver, "caregiver")).contentType(ContentType.JSON)
                .body(gone.subscription()).put("/api/v1/me/push-subscriptions").then().statusCode(204);

        Instant late = Instant.now().plus(Duration.ofHours(12 + 10));
        VertxContextSupport.subscribeAndAwait(() -> heartbeat.runPass(late));

        List<LoggedRequest> pushed = pushService.findAll(postRequestedFor(urlPathEqualTo(URI(phone))));
        assertEquals(1, pushed.size());
        LoggedRequest push = pushed.get(0);
        assertEquals("43200", push.getHeader("TTL"));
        assertEquals("aes128gcm", push.getHeader("Content-Encoding"));
        String authorization = push.getHeader("Authorization");
        assertTrue(authorization.endsWith(", k=" + WebPushKeys.publicKey()), authorization);
        String[] jwt = authorization.substring("vapid t=".length(), authorization.indexOf(',')).split("\\.");
        JsonPath claims = JsonPath.from(new String(WebPushCrypto.decode(jwt[1]), StandardCharsets.UTF_8));
        assertEquals(pushService.baseUrl(), claims.getString("aud"));
        assertEquals("mailto:ops@hospital.example", claims.getString("sub"));
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(WebPushCrypto.publicKey(WebPushCrypto.decode(WebPushKeys.publicKey())));
        es256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(es256.verify(WebPushCrypto.decode(jwt[2])), "signed with the service's VAPID key");

        String message = new String(WebPushCryptoTest.decrypt(push.getBody(), phone.keys(), phone.auth()),
                StandardCharsets.UTF_8);
        JsonPath notification = JsonPath.from(message);
        assertEquals("CAR-T check-in due", notification.getString("title"));
        assertEquals("/app/#/check-in/" + patientId, notification.getString("url"));
        assertTrue(notification.getString("body").contains("+15550199") || notification.getString("body").contains("call"),
                message);
        assertFalse(message.contains("Ana"), "no name on a lock screen: " + message);
        // The mail goes too.
        assertEquals(1, mailbox.getMailsSentTo(email).size());

        // The caregiver's browser is gone (410): forgotten.
        assertEquals(1, pushService.findAll(postRequestedFor(urlPathEqualTo(URI(gone)))).size());
        assertNull(VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> subscriptions.byEndpoint(
                gone.endpoint()))));

        // The patient turns reminders off on that browser.
        given().auth().oauth2(patientToken).queryParam("endpoint", phone.endpoint()).delete("/api/v1/me/push-subscriptions")
                .then().statusCode(204);
        assertNull(VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> subscriptions.byEndpoint(
                phone.endpoint()))));
    }

    @Test
    void onlyABrowsersSubscriptionIsTakenAndOnlyFromThePatientOrACaregiver() {
        String token = TestTokens.token(Fixtures.unique("patient"), "patient");
        Browser browser = Browser.at("/push/x");
        String valid = browser.subscription();
        String url = "/api/v1/me/push-subscriptions";
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(valid.replace(pushService.baseUrl(), "ftp://push.example"))
                .put(url).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(valid.replace(pushService.baseUrl(), "http://push.example.net")).put(url).then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(valid.replaceFirst("\"p256dh\":\"B", "\"p256dh\":\"C"))
                .put(url).then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"endpoint\":\"https://push.example/x\"}").put(url)
                .then().statusCode(400);
        given().auth().oauth2(TestTokens.token(Fixtures.unique("clin"), "clinician")).contentType(ContentType.JSON)
                .body(valid).put(url).then().statusCode(403);
        given().contentType(ContentType.JSON).body(valid).put(url).then().statusCode(401);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(valid).put(url).then().statusCode(204);
        // Another user cannot remove it.
        given().auth().oauth2(TestTokens.token(Fixtures.unique("patient"), "patient"))
                .queryParam("endpoint", browser.endpoint()).delete(url).then().statusCode(204);
        assertTrue(subscribed(browser.endpoint()));
    }

    private boolean subscribed(String endpoint) {
        try {
            return VertxContextSupport
                    .subscribeAndAwait(() -> Panache.withSession(() -> subscriptions.byEndpoint(endpoint))) != null;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    private static String URI(Browser browser) {
        return browser.endpoint().substring(pushService.baseUrl().length());
    }
}
