package org.cartcompanion.e2e.access;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.cartcompanion.e2e.system.Api;
import org.cartcompanion.e2e.system.CarTSystem;
import org.cartcompanion.e2e.system.CarTSystem.Service;
import org.cartcompanion.e2e.system.Keycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

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
    }

    @AfterAll
    static void stop() throws Exception {
        if (system != null) {
            system.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    @Order(1)
    void aPatientInvitedByACoordinatorSignsInAcceptsAndChecksInAndTheAlertOpens() throws Exception {
        String admin = keycloak.signIn("demo-admin", CONSOLE, CONSOLE_AT);
        String center = Api.post(system.url(Service.CARE_TEAM) + "/api/v1/centers", admin, """
                {"name":"IdP Center %s","timeZone":"America/Chicago","phone":"+15550199",
                 "hotlineEmail":"hotline@idp.example"}""".formatted(UUID.randomUUID())).expect(201).at("/id");
        Api.post(system.url(Service.CARE_TEAM) + "/api/v1/centers/" + center + "/clinicians", admin, """
                {"subject":"demo-coordinator","name":"Carla Coordinator","email":"carla@idp.example",
                 "phone":"+15550110","role":"COORDINATOR"}""").expect(201);
        String coordinator = keycloak.signIn("demo-coordinator", CONSOLE, CONSOLE_AT);

        // Enrolled without a subject (patient-service asks care-team-service with its client-credentials token).
        String patient = Api.post(system.url(Service.PATIENT) + "/api/v1/patients", coordinator, """
                {"centerId":"%s","displayName":"Ana P.","birthYear":1961,"timeZone":"America/Chicago",
                 "infusionDate":"%s","product":"AXI_CEL","disease":"LBCL"}""".formatted(center,
                LocalDate.now(ZoneId.of("America/Chicago")).minusDays(5))).expect(201).at("/id");
        String code = Api.post(system.url(Service.PATIENT) + "/api/v1/patients/" + patient + "/invitations", coordinator,
                "{\"for\":\"PATIENT\"}").expect(201).at("/code");

        String ana = keycloak.signIn("demo-patient", APP, APP_AT);
        Api.post(system.url(Service.PATIENT) + "/api/v1/invitations/" + code + "/accept", ana, null).expect(200);
        assertThat(Api.get(system.url(Service.PATIENT) + "/api/v1/me", ana).expect(200).at("/subject"),
                equalTo("demo-patient"));
        Api.post(system.url(Service.PATIENT) + "/api/v1/patients/" + patient + "/check-ins", ana, """
                {"recordedAt":"%s","temperature":{"value":38.6,"unit":"C","method":"ORAL"}}"""
                .formatted(OffsetDateTime.now()), Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(201);

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
    @Order(3)
    void aTokenFromAnotherRealmOfTheSameServerIsRefused() throws Exception {
        Api.get(system.url(Service.PATIENT) + "/api/v1/me", keycloak.masterAdminToken()).expect(401);
        Api.get(system.url(Service.PATIENT) + "/api/v1/me", "not-a-token").expect(401);
    }

    @Test
    @Order(4)
    void aKeyRotatedAtTheProviderIsTakenUpWithoutARestart() throws Exception {
        String before = keycloak.signIn("demo-patient", APP, APP_AT);
        keycloak.rotateKey(1000, "RS256");
        String after = keycloak.signIn("demo-patient", APP, APP_AT);
        assertThat("a new key id", kid(after).equals(kid(before)), equalTo(false));
        for (Service service : Service.values()) {
            Api.get(system.url(service) + "/q/health/ready", null).expect(200);
        }
        Api.get(system.url(Service.PATIENT) + "/api/v1/me", after).expect(200);
        Api.get(system.url(Service.ALERT) + "/api/v1/alerts", after).expect(200);
        // The services' own calls carry new tokens too.
        Api.get(system.url(Service.CARE_TEAM) + "/internal/v1/subjects/demo-coordinator/memberships",
                keycloak.serviceToken("alert-service")).expect(200);
    }

    @Test
    @Order(5)
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
    @Order(6)
    void withTheIdentityProviderDownTheServicesStillDeliverWithTheTokensTheyHold() throws Exception {
        keycloak.close();
        Api.post(system.url(Service.PATIENT) + "/api/v1/patients/" + patientId + "/check-ins", patientToken, """
                {"recordedAt":"%s","temperature":{"value":39.1,"unit":"C","method":"ORAL"}}"""
                .formatted(OffsetDateTime.now()), Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(201);
        // patient-service's token for alert-service, and alert-service's for care-team-service, were issued before.
        await().atMost(Duration.ofSeconds(30)).until(() -> checkInsOnTheAlert() == 2);
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
