package org.cartcompanion.support.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.cartcompanion.support.problem.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;

/** What a page is told about signing in, and the policy it gets, with and without the hospital's identity provider. */
class BrowserSignInTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private Vertx vertx;
    private HttpServer provider;
    private final AtomicInteger discoveries = new AtomicInteger();
    private volatile int status = 200;

    @BeforeEach
    void start() throws IOException {
        vertx = Vertx.vertx();
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/realms/h/.well-known/openid-configuration", exchange -> {
            discoveries.incrementAndGet();
            String base = "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/h";
            byte[] body = new JsonObject().put("issuer", base).put("authorization_endpoint", base + "/auth")
                    .put("token_endpoint", "https://tokens.hospital.example:8443/realms/h/token")
                    .put("end_session_endpoint", base + "/logout").encode().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
        vertx.closeAndAwait();
    }

    private BrowserSignIn signIn(boolean enabled, String issuer) {
        return new BrowserSignIn(new IdentityProviderMode(enabled), Optional.ofNullable(issuer), Optional.of("the-app"),
                "openid", vertx);
    }

    private String issuer() {
        return "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/h/";
    }

    @Test
    void withoutAProviderThePageTakesAPastedTokenAndTalksToItsServiceOnly() {
        BrowserSignIn local = signIn(false, null);
        assertEquals(new JsonObject().put("mode", "token"), local.configuration().await().atMost(WAIT));
        String policy = local.contentSecurityPolicy().await().atMost(WAIT);
        assertTrue(policy.contains("connect-src 'self';") && policy.contains("script-src 'self';")
                && policy.contains("frame-ancestors 'none'"), policy);
    }

    @Test
    void withAProviderThePageIsGivenItsEndpointsAndMayReachItsTokenEndpointOnly() {
        BrowserSignIn hospital = signIn(true, issuer());
        JsonObject settings = hospital.configuration().await().atMost(WAIT);
        assertEquals("identity-provider", settings.getString("mode"));
        assertEquals(issuer() + "auth", settings.getString("authorizationEndpoint"));
        assertEquals("https://tokens.hospital.example:8443/realms/h/token", settings.getString("tokenEndpoint"));
        assertEquals(issuer() + "logout", settings.getString("endSessionEndpoint"));
        assertEquals("the-app", settings.getString("clientId"));
        assertEquals("openid", settings.getString("scope"));
        String policy = hospital.contentSecurityPolicy().await().atMost(WAIT);
        assertTrue(policy.contains("connect-src 'self' https://tokens.hospital.example:8443;"), policy);
        assertEquals(1, discoveries.get(), "the discovery document is read once and kept");
    }

    @Test
    void aProviderThatCannotAnswerIsA503AndThePageStillOpensAndIsAskedAgainLater() {
        status = 500;
        BrowserSignIn hospital = signIn(true, issuer());
        ProblemException refused = assertThrows(ProblemException.class, () -> hospital.configuration().await().atMost(WAIT));
        assertEquals(503, refused.status());
        assertTrue(hospital.contentSecurityPolicy().await().atMost(WAIT).contains("connect-src 'self';"));
        status = 200;
        assertEquals("identity-provider", hospital.configuration().await().atMost(WAIT).getString("mode"));

        BrowserSignIn unreachable = signIn(true, "http://127.0.0.1:1/realms/h");
        assertEquals(503, assertThrows(ProblemException.class, () -> unreachable.configuration().await().atMost(WAIT))
                .status());
    }
}
