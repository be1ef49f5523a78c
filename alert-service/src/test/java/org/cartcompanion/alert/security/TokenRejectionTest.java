package org.cartcompanion.alert.security;

import java.util.UUID;
import java.util.stream.Stream;

import org.cartcompanion.support.testing.BadTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;

/** Every secured endpoint refuses missing and bad tokens with 401. */
@QuarkusTest
class TokenRejectionTest {

    private static final String SOME = "/" + UUID.randomUUID();

    static Stream<Arguments> endpoints() {
        return Stream.of(Arguments.of("POST", "/internal/v1/triage-events"), Arguments.of("GET", "/api/v1/alerts"),
                Arguments.of("GET", "/api/v1/alerts" + SOME), Arguments.of("POST", "/api/v1/alerts" + SOME + "/acknowledge"),
                Arguments.of("POST", "/api/v1/alerts" + SOME + "/resolve"),
                Arguments.of("GET", "/api/v1/escalation-policies" + SOME),
                Arguments.of("PUT", "/api/v1/escalation-policies" + SOME));
    }

    static Stream<Arguments> badTokens() {
        return BadTokens.onEach(TokenRejectionTest::endpoints, "someone", "clinician", "coordinator", "service");
    }

    @ParameterizedTest(name = "{0} token, {2} {3}")
    @MethodSource("badTokens")
    void badTokensAre401ProblemJson(String kind, String token, String method, String path) {
        BadTokens.assertRefused(token, method, path);
    }
}
