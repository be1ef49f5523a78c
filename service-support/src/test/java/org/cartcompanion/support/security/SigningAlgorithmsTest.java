package org.cartcompanion.support.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class SigningAlgorithmsTest {

    private static String token(String header) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8))
                + ".eyJzdWIiOiJ4In0.c2ln";
    }

    @Test
    void theAlgorithmIsReadFromTheHeaderAndOnlyRs256AndEs256Pass() {
        assertEquals("RS256", SigningAlgorithms.algorithmOf(token("{\"alg\":\"RS256\",\"kid\":\"k\"}")));
        assertEquals("PS256", SigningAlgorithms.algorithmOf(token("{\"typ\" : \"JWT\", \"alg\" : \"PS256\"}")));
        assertTrue(SigningAlgorithms.ACCEPTED.contains("ES256"));
        for (String refused : new String[] { "PS256", "HS256", "none", "RS512", "ES384" }) {
            assertFalse(SigningAlgorithms.ACCEPTED.contains(refused), refused);
        }
        assertNull(SigningAlgorithms.algorithmOf("not a token"));
        assertNull(SigningAlgorithms.algorithmOf("%%%.x.y"));
        assertNull(SigningAlgorithms.algorithmOf(token("{\"kid\":\"k\"}")));
    }
}
