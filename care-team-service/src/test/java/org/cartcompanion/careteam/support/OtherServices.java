package org.cartcompanion.careteam.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Plays patient-service's and alert-service's contracts for this service's tests. Each test registers the patients it needs
 * with fresh ids.
 */
public class OtherServices implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        // alert-service takes every notice that a center's directory changed (204), as it does, so no notice is retried
        // and a test counting them counts exactly the changes it made. A test may still answer one center differently.
        server.stubFor(post(urlPathMatching("/internal/v1/center-directories/[^/]+/refresh")).atPriority(10)
                .willReturn(aResponse().withStatus(204)));
        return Map.of("quarkus.rest-client.patient-service.url", server.baseUrl(),
                "quarkus.rest-client.alert-service.url", server.baseUrl());
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

    /** patient-service knows a patient of this center, infused {@code daysAgo} days ago, with a clinical status. */
    public static UUID patient(String centerId, int daysAgo) {
        UUID id = UUID.randomUUID();
        patient(id, centerId, daysAgo);
        return id;
    }

    public static void patient(UUID id, String centerId, int daysAgo) {
        LocalDate infusion = LocalDate.now().minusDays(daysAgo);
        server.stubFor(get(urlPathEqualTo("/internal/v1/patients/" + id)).willReturn(json("""
                {"id":"%s","centerId":"%s","displayName":"Ana P.","timeZone":"America/Chicago",
                 "infusionDate":"%s","secondDoseDate":null,"product":"AXI_CEL","dayPostInfusion":%d,"phase":"P3_INTERMEDIATE",
                 "clinicalStatus":{"ancPerUl":1800,"ancDate":"%s","iggMgDl":380,"iggDate":"%s","ivigLastDate":null,
                   "cd4PerUl":150,"antibacterialProphylaxis":false,"antiviralProphylaxis":true,"pjpProphylaxis":true,
                   "antifungalProphylaxis":false}}""".formatted(id, centerId, infusion, daysAgo, LocalDate.now(),
                LocalDate.now()))));
    }

    /** patient-service cannot answer (down). */
    public static void patientServiceFails(UUID id) {
        server.stubFor(get(urlPathEqualTo("/internal/v1/patients/" + id)).willReturn(aResponse().withStatus(503)));
    }

    public static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }
}
