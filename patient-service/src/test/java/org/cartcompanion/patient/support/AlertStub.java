package org.cartcompanion.patient.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Plays alert-service's intake ({@code POST /internal/v1/triage-events}) for this service's tests. */
public class AlertStub implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        accepting();
        return Map.of("quarkus.rest-client.alert-service.url", server.baseUrl(),
                "patient.outbox.relay-interval", "PT0.3S",
                "patient.outbox.backoff-base", "PT0.2S",
                "patient.outbox.backoff-max", "PT1S");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static WireMockServer server() {
        return server;
    }

    /** alert-service up: every delivery is accepted. */
    public static void accepting() {
        server.stubFor(post(urlPathEqualTo("/internal/v1/triage-events"))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json").withBody("{}")));
    }

    /** alert-service erases its copy of a patient (204), or is down (503). */
    public static void erasure(java.util.UUID patientId, boolean up) {
        server.stubFor(post(urlPathEqualTo("/internal/v1/patients/" + patientId + "/erasure"))
                .willReturn(aResponse().withStatus(up ? 204 : 503)));
    }

    /** alert-service down: every delivery fails. */
    public static void down() {
        server.stubFor(post(urlPathEqualTo("/internal/v1/triage-events")).willReturn(aResponse().withStatus(503)));
    }

    /**
     * alert-service's patient view of a patient's alerts, for the caller with {@code token} only; 503 when {@code body} is
     * null.
     */
    public static void patientAlerts(String patientId, String token, String body) {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/alerts"))
                .withQueryParam("patientId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(patientId))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + token))
                .willReturn(body == null ? aResponse().withStatus(503)
                        : aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }
}
