package org.cartcompanion.careteam.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;
import java.util.stream.Stream;

import org.cartcompanion.support.testing.BadTokens;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every secured endpoint refuses missing and bad tokens with 401, and wrong roles with 403. */
@QuarkusTest
class TokenRejectionTest {

    private static final String CENTER = "/api/v1/centers/" + UUID.randomUUID();
    private static final String CARE_TEAM = "/api/v1/care-teams/" + UUID.randomUUID();
    private static final String HANDOFF = "/api/v1/handoffs/" + UUID.randomUUID();

    static Stream<Arguments> endpoints() {
        return Stream.of(Arguments.of("POST", "/api/v1/centers"), Arguments.of("GET", "/api/v1/centers"),
                Arguments.of("GET", CENTER), Arguments.of("POST", CENTER + "/clinicians"),
                Arguments.of("GET", CENTER + "/clinicians"),
                Arguments.of("GET", "/internal/v1/subjects/someone/memberships"),
                Arguments.of("GET", "/internal/v1/centers/" + UUID.randomUUID()),
                Arguments.of("GET", "/internal/v1/centers/" + UUID.randomUUID() + "/escalation-targets"),
                Arguments.of("GET", "/internal/v1/centers/" + UUID.randomUUID() + "/coordinators"),
                Arguments.of("GET", "/internal/v1/care-teams/" + UUID.randomUUID()),
                Arguments.of("GET", "/internal/v1/routing/patients/" + UUID.randomUUID()),
                Arguments.of("PUT", CENTER + "/handoff-settings"), Arguments.of("POST", CENTER + "/rotations"),
                Arguments.of("GET", CENTER + "/rotations"), Arguments.of("DELETE", CENTER + "/rotations/" + UUID.randomUUID()),
                Arguments.of("POST", CENTER + "/shifts"), Arguments.of("GET", CENTER + "/shifts"),
                Arguments.of("DELETE", CENTER + "/shifts/" + UUID.randomUUID()), Arguments.of("GET", CENTER + "/on-call"),
                Arguments.of("GET", CENTER + "/coverage-gaps"),
                Arguments.of("GET", CENTER + "/clinicians/" + UUID.randomUUID() + "/on-call.ics"),
                Arguments.of("PUT", CARE_TEAM), Arguments.of("GET", CARE_TEAM), Arguments.of("POST", "/api/v1/handoffs"),
                Arguments.of("GET", "/api/v1/handoffs"), Arguments.of("GET", HANDOFF),
                Arguments.of("POST", HANDOFF + "/accept"),
                Arguments.of("POST", HANDOFF + "/decline"), Arguments.of("POST", HANDOFF + "/withdraw"));
    }

    static Stream<Arguments> badTokens() {
        return BadTokens.onEach(TokenRejectionTest::endpoints, "someone", "admin", "coordinator", "clinician", "service");
    }

    @ParameterizedTest(name = "{0} token on {2} {3}")
    @MethodSource("badTokens")
    void badTokensAre401ProblemJson(String kind, String token, String method, String path) {
        BadTokens.assertRefused(token, method, path);
    }

    static Stream<Arguments> wrongRoles() {
        return Stream.of(Arguments.of("coordinator", "POST", "/api/v1/centers"),
                Arguments.of("clinician", "POST", "/api/v1/centers"),
                Arguments.of("service", "POST", "/api/v1/centers"), Arguments.of("patient", "GET", "/api/v1/centers"),
                Arguments.of("caregiver", "GET", CENTER), Arguments.of("clinician", "POST", CENTER + "/clinicians"),
                Arguments.of("patient", "GET", CENTER + "/clinicians"),
                Arguments.of("admin", "GET", "/internal/v1/subjects/someone/memberships"),
                Arguments.of("coordinator", "GET", "/internal/v1/routing/patients/" + UUID.randomUUID()),
                Arguments.of("clinician", "POST", CENTER + "/rotations"), Arguments.of("clinician", "POST", CENTER + "/shifts"),
                Arguments.of("clinician", "PUT", CENTER + "/handoff-settings"),
                Arguments.of("community-physician", "GET", CENTER + "/coverage-gaps"),
                Arguments.of("patient", "GET", CENTER + "/on-call"), Arguments.of("admin", "DELETE", CENTER + "/shifts/x"),
                Arguments.of("clinician", "PUT", CARE_TEAM), Arguments.of("caregiver", "GET", CARE_TEAM),
                Arguments.of("community-physician", "POST", "/api/v1/handoffs"),
                Arguments.of("patient", "GET", "/api/v1/handoffs"), Arguments.of("coordinator", "POST", HANDOFF + "/accept"),
                Arguments.of("clinician", "POST", HANDOFF + "/decline"),
                Arguments.of("community-physician", "POST", HANDOFF + "/withdraw"));
    }

    @ParameterizedTest(name = "{0} on {1} {2}")
    @MethodSource("wrongRoles")
    void wrongRoleIs403ProblemJson(String role, String method, String path) {
        given().auth().oauth2(TestTokens.token(role.equals("service") ? "alert-service" : "someone-" + role, role))
                .contentType(ContentType.JSON).body("{}")
                .request(method, path).then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
    }
}
