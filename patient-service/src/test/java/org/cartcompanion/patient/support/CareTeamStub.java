package org.cartcompanion.patient.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Plays care-team-service's internal contract ({@code /internal/v1/**}) for this service's tests. Each test registers the
 * memberships it needs with fresh ids, so tests do not see each other's data.
 */
public class CareTeamStub implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of("quarkus.rest-client.care-team-service.url", server.baseUrl(),
                // Membership answers are cached; tests change them, so keep the cache short.
                "patient.directory.cache-ttl", "PT0.2S");
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

    /** care-team-service knows {@code subject} as staff (role) of {@code centerId}. */
    public static void staff(String subject, UUID centerId, String role) {
        server.stubFor(get(urlPathEqualTo("/internal/v1/subjects/" + encode(subject) + "/memberships"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        """
                                {"subject":"%s","clinicianId":"%s","memberships":[{"centerId":"%s","role":"%s","staff":true}]}"""
                                .formatted(subject, UUID.randomUUID(), centerId, role))));
    }

    /** care-team-service knows {@code subject} as staff of two centers, in a role at each. */
    public static void staff(String subject, UUID centerA, String roleA, UUID centerB, String roleB) {
        server.stubFor(get(urlPathEqualTo("/internal/v1/subjects/" + encode(subject) + "/memberships"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"subject":"%s","clinicianId":"%s","memberships":[{"centerId":"%s","role":"%s","staff":true},
                         {"centerId":"%s","role":"%s","staff":true}]}"""
                        .formatted(subject, UUID.randomUUID(), centerA, roleA, centerB, roleB))));
    }

    /** care-team-service knows this center. */
    public static void center(UUID centerId, String name, String phone) {
        server.stubFor(get(urlPathEqualTo("/internal/v1/centers/" + centerId))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        """
                                {"id":"%s","name":"%s","timeZone":"America/Chicago","phone":"%s","hotlineEmail":"hotline@example.org"}"""
                                .formatted(centerId, name, phone))));
    }

    /** care-team-service has a care team for this patient naming this community physician. */
    public static void careTeamWithCommunityPhysician(String patientId, UUID centerId, String subject) {
        server.stubFor(get(urlPathEqualTo("/internal/v1/care-teams/" + patientId))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"patientId":"%s","centerId":"%s","phase":"SHARED","members":[
                          {"clinicianId":"%s","subject":"%s","role":"COMMUNITY_PHYSICIAN"}]}"""
                        .formatted(patientId, centerId, UUID.randomUUID(), subject))));
    }

    /** care-team-service names these coordinators (email addresses) for the center; none is an empty list. */
    public static void coordinators(UUID centerId, String... emails) {
        StringBuilder list = new StringBuilder();
        for (String email : emails) {
            list.append(list.isEmpty() ? "" : ",").append("""
                    {"clinicianId":"%s","name":"Coordinator","email":"%s","phone":null}""".formatted(UUID.randomUUID(), email));
        }
        server.stubFor(get(urlPathEqualTo("/internal/v1/centers/" + centerId + "/coordinators"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"centerId":"%s","centerName":"Riverside CAR-T Center","coordinators":[%s]}"""
                        .formatted(centerId, list))));
    }

    /** care-team-service fails every question about this center's coordinators. */
    public static void coordinatorsFail(UUID centerId) {
        server.stubFor(get(urlPathEqualTo("/internal/v1/centers/" + centerId + "/coordinators"))
                .willReturn(aResponse().withStatus(500)));
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
