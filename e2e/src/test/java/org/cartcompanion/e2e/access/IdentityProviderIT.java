package org.cartcompanion.e2e.access;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cartcompanion.e2e.system.Api;
import org.cartcompanion.e2e.system.Browser;
import org.cartcompanion.e2e.system.CarTSystem;
import org.cartcompanion.e2e.system.CarTSystem.Service;
import org.cartcompanion.e2e.system.Keycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * The services pointed at a real identity provider by configuration alone: the repository's realm in Keycloak 26, tokens
 * checked against its discovery document and key set, the services calling each other with client-credentials tokens. Users
 * sign in with the authorization-code flow and PKCE as the console and the app do.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityProviderIT {

    private static final String CONSOLE = "cart-companion-console";
    private static final String CONSOLE_AT = "http://localhost:8083/console/";
    private static final String APP = "cart-companion-app";
    private static final String APP_AT = "http://localhost:8081/app/";

    private static Keycloak keycloak;
    private static CarTSystem system;
    private static Browser browser;
    /** From the first test: the patient who joined, her token and her center's coordinator's. */
    private static String patientId;
    private static String patientToken;
    private static String coordinatorToken;

    @BeforeAll
    static void start() throws Exception {
        String secret = UUID.randomUUID().toString();
        keycloak = Keycloak.start(Path.of("target", "keycloak").toAbsolutePath(), secret);
        system = CarTSystem.start(Map.of("quarkus.oidc.tenant-enabled", "true", "quarkus.oidc.auth-server-url",
                keycloak.issuer(), "quarkus.oidc-client.auth-server-url", keycloak.issuer(), "quarkus.oidc-client.client-id",
                "{service}", "quarkus.oidc-client.credentials.secret", secret,
                // A test rotates keys twice within a minute; a hospital's production default stays one minute.
                "quarkus.oidc.token.forced-jwk-refresh-interval", "PT1S"));
        // The hospital registers where its pages are: here the ports this run's services listen on.
        keycloak.allowRedirects(APP, system.url(Service.PATIENT) + "/app/*");
        keycloak.allowRedirects(CONSOLE, system.url(Service.CARE_TEAM) + "/console/*");
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (system != null) {
            system.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    @Order(1)
    void aPatientInvitedByACoordinatorSignsInOnHerPhoneAcceptsAndChecksInAndTheAlertOpens() throws Exception {
        String admin = keycloak.signIn("demo-admin", CONSOLE, CONSOLE_AT);
        String center = Api.post(system.url(Service.CARE_TEAM) + "/api/v1/centers", admin, """
                {"name":"IdP Center %s","timeZone":"America/Chicago","phone":"+15550199",
                 "hotlineEmail":"hotline@idp.example"}""".formatted(UUID.randomUUID())).expect(201).at("/id");
        Api.post(system.url(Service.CARE_TEAM) + "/api/v1/centers/" + center + "/clinicians", admin, """
                {"subject":"demo-coordinator","name":"Carla Coordinator","email":"carla@idp.example",
                 "phone":"+15550110","role":"COORDINATOR"}""").expect(201);
        Api.post(system.url(Service.CARE_TEAM) + "/api/v1/centers/" + center + "/clinicians", admin, """
                {"subject":"demo-oncall-primary","name":"Priya Primary","email":"priya@idp.example",
                 "phone":"+15550111","role":"PHYSICIAN"}""").expect(201);
        String coordinator = keycloak.signIn("demo-coordinator", CONSOLE, CONSOLE_AT);

        // Enrolled without a subject (patient-service asks care-team-service with its client-credentials token).
        String patient = Api.post(system.url(Service.PATIENT) + "/api/v1/patients", coordinator, """
                {"centerId":"%s","displayName":"Ana P.","birthYear":1961,"timeZone":"America/Chicago",
                 "infusionDate":"%s","product":"AXI_CEL","disease":"LBCL"}""".formatted(center,
                LocalDate.now(ZoneId.of("America/Chicago")).minusDays(5))).expect(201).at("/id");
        String code = Api.post(system.url(Service.PATIENT) + "/api/v1/patients/" + patient + "/invitations", coordinator,
                "{\"for\":\"PATIENT\"}").expect(201).at("/code");

        // Ana opens the invitation's link on her phone and signs in at the hospital's sign-in page (PKCE, in the browser).
        Page phone = browser.page(390, 844);
        phone.navigate(system.url(Service.PATIENT) + "/app/#/join/" + code);
        phone.locator("#sign-in-button").click();
        signInAtKeycloak(phone, "demo-patient");
        // Back in the app, at her invitation: she joins and checks in with a fever.
        PlaywrightAssertions.assertThat(phone.getByLabel("Invitation code")).hasValue(code);
        phone.getByText("Join", new Page.GetByTextOptions().setExact(true)).click();
        phone.getByLabel("Temperature").first().fill("38.6");
        phone.getByText("Send my check-in").click();
        PlaywrightAssertions.assertThat(phone.locator("#result-instructions")).hasAttribute("data-disposition", "CENTER_NOW");
        PlaywrightAssertions.assertThat(phone.locator("#result-call")).hasAttribute("href", "tel:+15550199");
        String ana = (String) phone.evaluate("JSON.parse(localStorage.getItem('cart-companion-app')).accessToken");
        assertThat(Api.get(system.url(Service.PATIENT) + "/api/v1/me", ana).expect(200).at("/subject"),
                equalTo("demo-patient"));
        assertThat(Api.get(system.url(Service.PATIENT) + "/api/v1/patients/" + patient + "/check-ins", ana).expect(200)
                .json().get("items").size(), equalTo(1));
        phone.context().close();

        // patient-service delivers to alert-service, which asks care-team-service for the routing: all with the IdP's tokens.
        await().atMost(Duration.ofSeconds(30)).until(() -> Api
                .get(system.url(Service.ALERT) + "/api/v1/alerts?patientId=" + patient, coordinator).expect(200).json()
                .get("items").size() == 1);
        assertThat(Api.get(system.url(Service.ALERT) + "/api/v1/alerts?patientId=" + patient, ana).expect(200).json()
                .get("items").size(), equalTo(1));
        patientId = patient;
        patientToken = ana;
        coordinatorToken = coordinator;
    }

    @Test
    @Order(2)
    void aPhysicianSignsIntoTheConsoleStaysSignedInAcknowledgesAndSignsOut() throws Exception {
        String alert = Api.get(system.url(Service.ALERT) + "/api/v1/alerts?patientId=" + patientId, coordinatorToken)
                .expect(200).at("/items/0/id");
        // Short-lived tokens, so the console's renewal is seen within the test (a hospital's are minutes).
        keycloak.accessTokenLifespan(CONSOLE, 20);
        try {
            // The link in the page mail opens the console at the alert; sign-in comes back to it.
            Page laptop = browser.page(1280, 800);
            laptop.navigate(system.url(Service.CARE_TEAM) + "/console/alerts/" + alert);
            laptop.locator("#sign-in-button").click();
            signInAtKeycloak(laptop, "demo-oncall-primary");
            PlaywrightAssertions.assertThat(laptop.locator("#alert-status")).hasAttribute("data-status", "TRIGGERED");
            PlaywrightAssertions.assertThat(laptop.locator("#who")).containsText("Priya Primary · clinician");

            // The console renews its token before it runs out (at three quarters of its life) and acts with the new one.
            String first = consoleToken(laptop);
            await().atMost(Duration.ofSeconds(30)).until(() -> !first.equals(consoleToken(laptop)));
            assertThat("a later expiry", claim(consoleToken(laptop), "exp") > claim(first, "exp"), equalTo(true));
            Thread.sleep(Math.max(0, claim(first, "exp") * 1000 - System.currentTimeMillis() + 1000));
            laptop.locator("#acknowledge").click();
            PlaywrightAssertions.assertThat(laptop.locator("#alert-status")).hasAttribute("data-status", "ACKNOWLEDGED");
            assertThat(Api.get(system.url(Service.ALERT) + "/api/v1/alerts/" + alert, coordinatorToken).expect(200)
                    .at("/acknowledgedBy"), equalTo("Priya Primary"));

            // Sign-out ends the session at the provider too: signing in again asks for the password.
            laptop.locator("#sign-out").click();
            PlaywrightAssertions.assertThat(laptop.locator("#sign-in-button")).isVisible();
            assertThat(laptop.evaluate("sessionStorage.getItem('cart-companion-console')"), equalTo(null));
            laptop.locator("#sign-in-button").click();
            PlaywrightAssertions.assertThat(laptop.locator("#password")).isVisible();
            laptop.context().close();
        } finally {
            keycloak.accessTokenLifespan(CONSOLE, null);
        }
    }

    @Test
    @Order(3)
    void aServiceTokenFromClientCredentialsReachesInternalAndAUserTokenDoesNot() throws Exception {
        String internal = system.url(Service.CARE_TEAM) + "/internal/v1/subjects/demo-coordinator/memberships";
        String service = keycloak.serviceToken("patient-service");
        Api.get(internal, service).expect(200);
        // A service's token lives an hour (the realm's setting): an identity-provider outage shorter than that holds up no
        // call between the services, and so no page.
        assertThat(claim(service, "exp") - claim(service, "iat"), equalTo(3600L));
        Api.get(internal, keycloak.signIn("demo-coordinator", CONSOLE, CONSOLE_AT)).expect(403);
        // A service's client, but not one allowed on this endpoint (care-team-service does not ask itself).
        Api.get(internal, keycloak.serviceToken("care-team-service")).expect(403);
    }

    @Test
    @Order(4)
    void aTokenFromAnotherRealmOfTheSameServerIsRefused() throws Exception {
        Api.get(system.url(Service.PATIENT) + "/api/v1/me", keycloak.masterAdminToken()).expect(401);
        Api.get(system.url(Service.PATIENT) + "/api/v1/me", "not-a-token").expect(401);
    }

    @Test
    @Order(5)
    void aKeyRotatedAtTheProviderIsTakenUpWithoutARestart() throws Exception {
        String before = keycloak.signIn("demo-patient", APP, APP_AT);
        keycloak.rotateKey(1000, "RS256");
        String after = keycloak.signIn("demo-patient", APP, APP_AT);
        assertThat("a new key id", kid(after).equals(kid(before)), equalTo(false));
        for (Service service : Service.values()) {
            Api.get(system.url(service) + "/q/health/ready", null).expect(200);
        }
        // A token naming a key the service does not hold refetches the key set, at most once per interval (PT1S here):
        // the other realm's token of the test before may have just used it, so the new key is taken up within a second.
        await().atMost(Duration.ofSeconds(5)).until(() -> Api.get(system.url(Service.PATIENT) + "/api/v1/me", after)
                .status() == 200);
        await().atMost(Duration.ofSeconds(5)).until(() -> Api.get(system.url(Service.ALERT) + "/api/v1/alerts", after)
                .status() == 200);
        // The services' own calls carry new tokens too.
        Api.get(system.url(Service.CARE_TEAM) + "/internal/v1/subjects/demo-coordinator/memberships",
                keycloak.serviceToken("alert-service")).expect(200);
        // A token naming a key the provider does not publish (the realm's issuer and audience, a key of its own) is refused,
        // however often it is tried (each try may refetch the key set: the new one does not hold it either).
        String forged = forged(Map.of("iss", keycloak.issuer(), "aud", "cart-companion", "sub", "demo-patient", "azp", APP,
                "groups", List.of("patient")), "rotated-away");
        for (int i = 0; i < 3; i++) {
            Api.get(system.url(Service.PATIENT) + "/api/v1/me", forged).expect(401);
            Thread.sleep(1100);
        }
    }

    /** A JWT with these claims, valid for five minutes, RS256-signed by a key made here and named {@code kid}. */
    private static String forged(Map<String, Object> claims, String kid) throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        long now = System.currentTimeMillis() / 1000;
        var payload = new java.util.LinkedHashMap<String, Object>(claims);
        payload.put("iat", now);
        payload.put("exp", now + 300);
        var encoder = java.util.Base64.getUrlEncoder().withoutPadding();
        String input = encoder.encodeToString(json.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", kid)))
                + "." + encoder.encodeToString(json.writeValueAsBytes(payload));
        var rsa = java.security.Signature.getInstance("SHA256withRSA");
        rsa.initSign(pair.getPrivate());
        rsa.update(input.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return input + "." + encoder.encodeToString(rsa.sign());
    }

    @Test
    @Order(6)
    void aTokenSignedWithAnAlgorithmOtherThanRs256OrEs256IsRefused() throws Exception {
        keycloak.rotateKey(1100, "PS256");
        keycloak.accessTokenAlgorithm(APP, "PS256");
        try {
            String ps256 = keycloak.signIn("demo-patient", APP, APP_AT);
            assertThat(header(ps256), org.hamcrest.Matchers.containsString("\"PS256\""));
            Api.get(system.url(Service.PATIENT) + "/api/v1/me", ps256).expect(401);
        } finally {
            keycloak.accessTokenAlgorithm(APP, "RS256");
        }
        Api.get(system.url(Service.PATIENT) + "/api/v1/me", keycloak.signIn("demo-patient", APP, APP_AT)).expect(200);
    }

    @Test
    @Order(7)
    void withTheIdentityProviderDownTheServicesStillDeliverWithTheTokensTheyHold() throws Exception {
        keycloak.close();
        Api.post(system.url(Service.PATIENT) + "/api/v1/patients/" + patientId + "/check-ins", patientToken, """
                {"recordedAt":"%s","temperature":{"value":39.1,"unit":"C","method":"ORAL"}}"""
                .formatted(OffsetDateTime.now()), Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(201);
        // patient-service's token for alert-service, and alert-service's for care-team-service, were issued before.
        await().atMost(Duration.ofSeconds(30)).until(() -> checkInsOnTheAlert() == 2);
    }

    /** Keycloak's own sign-in page, as the user fills it in. */
    private static void signInAtKeycloak(Page page, String username) {
        page.locator("#username").fill(username);
        page.locator("#password").fill(keycloak.demoPassword());
        page.locator("#kc-login").click();
    }

    private static String consoleToken(Page page) {
        return (String) page.evaluate("JSON.parse(sessionStorage.getItem('cart-companion-console')).accessToken");
    }

    private static long checkInsOnTheAlert() {
        String alert = Api.get(system.url(Service.ALERT) + "/api/v1/alerts?patientId=" + patientId, coordinatorToken)
                .expect(200).at("/items/0/id");
        var timeline = Api.get(system.url(Service.ALERT) + "/api/v1/alerts/" + alert, coordinatorToken).expect(200).json()
                .get("timeline");
        long n = 0;
        for (var entry : timeline) {
            String type = entry.get("type").asText();
            n += type.equals("OPENED") || type.equals("EVENT_APPENDED") ? 1 : 0;
        }
        return n;
    }

    private static String header(String token) {
        return new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private static long claim(String token, String name) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        var m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(payload);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static String kid(String token) {
        var m = java.util.regex.Pattern.compile("\"kid\"\\s*:\\s*\"([^\"]+)\"").matcher(header(token));
        return m.find() ? m.group(1) : null;
    }
}
