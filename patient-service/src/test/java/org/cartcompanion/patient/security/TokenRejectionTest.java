package org.cartcompanion.patient.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;
import java.util.stream.Stream;

import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

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
                Arguments.of("POST", PATIENT + "/check-ins"),
                Arguments.of("GET", PATIENT + "/check-ins"),
                Arguments.of("GET", PATIENT + "/check-ins/" + UUID.randomUUID()),
                Arguments.of("POST", PATIENT + "/infections"),
                Arguments.of("GET", PATIENT + "/infections"),
                Arguments.of("GET", "/api/v1/patients/infection-reports"));
    }

    static Stream<Arguments> badTokens() {
        String[] groups = { "coordinator", "clinician", "patient", "caregiver" };
        Stream<Arguments> tokens = Stream.of(Arguments.of("none", null),
                Arguments.of("expired", TestTokens.expired("someone", groups)),
                Arguments.of("foreign issuer", TestTokens.foreignIssuer("someone", groups)),
                Arguments.of("foreign key", TestTokens.foreignKey("someone", groups)),
                Arguments.of("tampered", TestTokens.tampered("someone", groups)), Arguments.of("garbage", "not.a.jwt"));
        return tokens.flatMap(t -> endpoints().map(e -> Arguments.of(t.get()[0], t.get()[1], e.get()[0], e.get()[1])));
    }

    @ParameterizedTest(name = "{0} token on {2} {3}")
    @MethodSource("badTokens")
    void badTokensAre401ProblemJson(String kind, String token, String method, String path) {
        RequestSpecification request = given().contentType(ContentType.JSON).body("{}");
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        request.request(method, path).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
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
                Arguments.of("clinician", "POST", PATIENT + "/check-ins"),
                Arguments.of("admin", "GET", PATIENT + "/check-ins"),
                Arguments.of("patient", "POST", PATIENT + "/infections"),
                Arguments.of("community-physician", "GET", PATIENT + "/infections"),
                Arguments.of("caregiver", "GET", "/api/v1/patients/infection-reports"));
    }

    @ParameterizedTest(name = "{0} on {1} {2}")
    @MethodSource("wrongRoles")
    void wrongRoleIs403ProblemJson(String role, String method, String path) {
        given().auth().oauth2(TestTokens.token("someone-" + role, role)).contentType(ContentType.JSON).body("{}")
                .request(method, path).then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
    }
}
