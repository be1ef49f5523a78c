package org.cartcompanion.support.testing;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Mints bearer tokens as they would be minted: a service's (group {@code service}) with the services' key, anybody else's as
 * the hospital's identity provider would; plus the bad ones neither ever would.
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static String token(String subject, String... groups) {
        return Set.of(groups).contains("service") ? withServiceKey(subject, groups) : fromIdp(subject, groups);
    }

    /** Signed by the identity provider, whatever the groups (an IdP that hands out the service group, say). */
    public static String fromIdp(String subject, String... groups) {
        return build(subject, TestKeys.ISSUER, TestKeys.idpPrivate(), TestKeys.IDP_KID, Instant.now().plusSeconds(600),
                groups);
    }

    /** Signed with the services' key, whatever the subject and groups (a service token made to act as a user, say). */
    public static String withServiceKey(String subject, String... groups) {
        return build(subject, TestKeys.ISSUER, TestKeys.trustedPrivate(), TestKeys.SERVICES_KID,
                Instant.now().plusSeconds(600), groups);
    }

    public static String expired(String subject, String... groups) {
        return build(subject, TestKeys.ISSUER, TestKeys.idpPrivate(), TestKeys.IDP_KID, Instant.now().minusSeconds(600),
                groups);
    }

    public static String foreignIssuer(String subject, String... groups) {
        return build(subject, "https://attacker.example/idp", TestKeys.idpPrivate(), TestKeys.IDP_KID,
                Instant.now().plusSeconds(600), groups);
    }

    public static String foreignKey(String subject, String... groups) {
        return build(subject, TestKeys.ISSUER, TestKeys.foreignPrivate(), TestKeys.IDP_KID, Instant.now().plusSeconds(600),
                groups);
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

    private static String build(String subject, String issuer, PrivateKey key, String kid, Instant expiresAt,
            String... groups) {
        return Jwt.issuer(issuer).subject(subject).audience(TestKeys.AUDIENCE).groups(Set.of(groups))
                .issuedAt(expiresAt.minusSeconds(1200)).expiresAt(expiresAt).jws().keyId(kid).sign(key);
    }
}
