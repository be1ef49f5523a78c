package org.cartcompanion.support.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Only RS256 and ES256 signatures are accepted, whatever else the identity provider's keys could verify: a token signed any
 * other way is refused (401).
 */
@ApplicationScoped
public class SigningAlgorithms implements SecurityIdentityAugmentor {

    static final Set<String> ACCEPTED = Set.of("RS256", "ES256");
    private static final Pattern ALG = Pattern.compile("\"alg\"\\s*:\\s*\"([^\"]*)\"");

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        String alg = algorithmOf(jwt.getRawToken());
        if (!ACCEPTED.contains(alg)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("tokens must be signed with RS256 or ES256"));
        }
        return Uni.createFrom().item(identity);
    }

    /** The {@code alg} of a compact JWS's header; null when it cannot be read. */
    static String algorithmOf(String rawToken) {
        if (rawToken == null || rawToken.indexOf('.') < 0) {
            return null;
        }
        try {
            String header = new String(Base64.getUrlDecoder().decode(rawToken.substring(0, rawToken.indexOf('.'))),
                    StandardCharsets.UTF_8);
            Matcher m = ALG.matcher(header);
            return m.find() ? m.group(1) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
