package org.cartcompanion.alert.security;

import java.util.stream.Stream;

import org.cartcompanion.support.testing.BadTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;

/** Every secured endpoint refuses missing and bad tokens with 401. */
@QuarkusTest
class TokenRejectionTest {

    static Stream<Arguments> badTokens() {
        return BadTokens.all("patient-service", "service");
    }

    @ParameterizedTest(name = "{0} token")
    @MethodSource("badTokens")
    void badTokensAre401ProblemJson(String kind, String token) {
        BadTokens.assertRefused(token, "POST", "/internal/v1/triage-events");
    }
}
