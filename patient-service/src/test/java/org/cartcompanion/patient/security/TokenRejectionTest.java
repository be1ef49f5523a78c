package org.cartcompanion.patient.security;

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

    private static final String PATIENT = "/api/v1/patients/" + UUID.randomUUID();

    static Stream<Arguments> endpoints() {
        return Stream.of(Arguments.of("GET", "/api/v1/me"), Arguments.of("POST", "/api/v1/patients"),
                Arguments.of("GET", PATIENT), Arguments.of("POST", PATIENT + "/caregivers"),
                Arguments.of("GET", "/api/v1/triage-rules"),
                Arguments.of("GET", "/api/v1/triage-rules/centers/" + UUID.randomUUID()),
                Arguments.of("PUT", "/api/v1/triage-rules/centers/" + UUID.randomUUID()),
                Arguments.of("PUT", PATIENT + "/clinical-status"),
                Arguments.of("GET", PATIENT + "/clinical-status"),
                Arguments.of("GET", PATIENT + "/labs?type=ANC"),
                Arguments.of("PUT", PATIENT + "/second-dose"),
                Arguments.of("POST", PATIENT + "/check-ins"),
                Arguments.of("GET", PATIENT + "/check-ins"),
                Arguments.of("GET", PATIENT + "/check-ins/" + UUID.randomUUID()),
                Arguments.of("POST", PATIENT + "/infections"),
                Arguments.of("GET", PATIENT + "/infections"),
                Arguments.of("GET", "/api/v1/patients/infection-reports"));
    }

    static Stream<Arguments> badTokens() {
        return BadTokens.onEach(TokenRejectionTest::endpoints, "someone", "coordinator", "clinician", "patient", "caregiver");
    }

    @ParameterizedTest(name = "{0} token on {2} {3}")
    @MethodSource("badTokens")
    void badTokensAre401ProblemJson(String kind, String token, String method, String path) {
        BadTokens.assertRefused(token, method, path);
    }

    static Stream<Arguments> wrongRoles() {
        return Stream.of(Arguments.of("admin", "POST", "/api/v1/patients"),
                Arguments.of("community-physician", "POST", "/api/v1/patients"),
                Arguments.of("caregiver", "POST", "/api/v1/patients"),
                Arguments.of("service", "POST", "/api/v1/patients"), Arguments.of("admin", "GET", PATIENT),
                Arguments.of("service", "GET", PATIENT), Arguments.of("caregiver", "POST", PATIENT + "/caregivers"),
                Arguments.of("admin", "POST", PATIENT + "/caregivers"),
                Arguments.of("caregiver", "GET", "/api/v1/triage-rules"),
                Arguments.of("clinician", "PUT", "/api/v1/triage-rules/centers/" + UUID.randomUUID()),
                Arguments.of("patient", "GET", "/api/v1/triage-rules/centers/" + UUID.randomUUID()),
                Arguments.of("patient", "PUT", PATIENT + "/clinical-status"),
                Arguments.of("caregiver", "GET", PATIENT + "/clinical-status"),
                Arguments.of("community-physician", "GET", PATIENT + "/labs"),
                Arguments.of("service", "GET", PATIENT + "/labs"),
                Arguments.of("patient", "PUT", PATIENT + "/second-dose"),
                Arguments.of("community-physician", "PUT", PATIENT + "/second-dose"),
                Arguments.of("clinician", "POST", PATIENT + "/check-ins"),
                Arguments.of("admin", "GET", PATIENT + "/check-ins"),
                Arguments.of("patient", "POST", PATIENT + "/infections"),
                Arguments.of("community-physician", "GET", PATIENT + "/infections"),
                Arguments.of("caregiver", "GET", "/api/v1/patients/infection-reports"));
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
