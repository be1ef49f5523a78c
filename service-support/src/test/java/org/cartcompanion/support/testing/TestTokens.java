package org.cartcompanion.support.testing;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Mints bearer tokens as the hospital's identity provider would, plus the bad ones it never would. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String token(String subject, String... groups) {
        return build(subject, TestKeys.ISSUER, TestKeys.trustedPrivate(), Instant.now().plusSeconds(600), groups);
    }

    public static String expired(String subject, String... groups) {
        return build(subject, TestKeys.ISSUER, TestKeys.trustedPrivate(), Instant.now().minusSeconds(600), groups);
    }

    public static String foreignIssuer(String subject, String... groups) {
        return build(subject, "https://attacker.example/idp", TestKeys.trustedPrivate(), Instant.now().plusSeconds(600),
                groups);
    }

    public static String foreignKey(String subject, String... groups) {
        return build(subject, TestKeys.ISSUER, TestKeys.foreignPrivate(), Instant.now().plusSeconds(600), groups);
    }

    /** A valid token whose payload was edited after signing (groups raised to admin). */
    public static String tampered(String subject, String... groups) {
        String[] parts = token(subject, groups).split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String edited = payload.replaceFirst("\"groups\":\\[[^\\]]*\\]",
                "\"groups\":[\"admin\",\"coordinator\",\"service\"]");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(edited.getBytes())
                + "." + parts[2];
    }

    private static String build(String subject, String issuer, PrivateKey key, Instant expiresAt, String... groups) {
        return Jwt.issuer(issuer).subject(subject).audience(TestKeys.AUDIENCE).groups(Set.of(groups))
                .issuedAt(expiresAt.minusSeconds(1200)).expiresAt(expiresAt).sign(key);
    }
}
