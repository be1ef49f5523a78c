package org.cartcompanion.alert.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.stream.Stream;

import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Every secured endpoint refuses missing and bad tokens with 401. */
@QuarkusTest
class TokenRejectionTest {

    static Stream<Arguments> badTokens() {
        return Stream.of(Arguments.of("none", null),
                Arguments.of("expired", TestTokens.expired("patient-service", "service")),
                Arguments.of("foreign issuer", TestTokens.foreignIssuer("patient-service", "service")),
                Arguments.of("foreign key", TestTokens.foreignKey("patient-service", "service")),
                Arguments.of("tampered", TestTokens.tampered("patient-service", "patient")),
                Arguments.of("garbage", "not.a.jwt"));
    }

    @ParameterizedTest(name = "{0} token")
    @MethodSource("badTokens")
    void badTokensAre401ProblemJson(String kind, String token) {
        RequestSpecification request = given().contentType(ContentType.JSON).body("{}");
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        request.post("/internal/v1/triage-events").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
    }
}
