package org.cartcompanion.support.security;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;

/**
 * The bearer token this service presents to the others. With the hospital's identity provider configured
 * ({@code quarkus.oidc.tenant-enabled=true}) it is an access token the provider issues for this service's client
 * ({@code quarkus.oidc-client.*}, OAuth 2.0 client credentials). Otherwise this service mints it: group {@code service}, the
 * deployment's issuer and audience, signed with the key at {@code smallrye.jwt.sign.key.location}, its {@code kid} from
 * {@code cart.service-token.key-id} (so that a verification key set holding the identity provider's keys as well finds the
 * services' one). Either is reused until shortly before it expires.
 */
@ApplicationScoped
public class ServiceTokens {

    private static final Duration LIFESPAN = Duration.ofMinutes(5);
    private static final Duration RENEW_BEFORE = Duration.ofSeconds(60);

    private final String serviceName;
    private final String keyId;
    private final boolean fromIdentityProvider;
    private final Instance<OidcClient> clients;
    private volatile String token;
    private volatile Instant expiresAt = Instant.EPOCH;

    public ServiceTokens(@ConfigProperty(name = "quarkus.application.name") String serviceName,
            @ConfigProperty(name = "cart.service-token.key-id", defaultValue = "cart-companion-services") String keyId,
            IdentityProviderMode mode, Instance<OidcClient> clients) {
        this.serviceName = serviceName;
        this.keyId = keyId;
        this.fromIdentityProvider = mode.enabled();
        this.clients = clients;
    }

    public Uni<String> bearer() {
        Instant now = Instant.now();
        String current = token;
        if (current != null && now.isBefore(expiresAt.minus(RENEW_BEFORE))) {
            return Uni.createFrom().item(current);
        }
        return fromIdentityProvider ? fromProvider(now) : Uni.createFrom().item(minted(now));
    }

    private synchronized String minted(Instant now) {
        if (token == null || now.isAfter(expiresAt.minus(RENEW_BEFORE))) {
            Instant expiry = now.plus(LIFESPAN);
            token = Jwt.subject(serviceName).upn(serviceName).groups(Roles.SERVICE).issuedAt(now).expiresAt(expiry).jws()
                    .keyId(keyId).sign();
            expiresAt = expiry;
        }
        return token;
    }

    /**
     * Two calls at once may both ask the provider; the later answer is kept (both tokens are valid). While the provider cannot
     * issue one, the current token is used until it expires: an identity-provider outage shorter than the token's remaining
     * life does not hold up a page.
     */
    private Uni<String> fromProvider(Instant now) {
        String current = token;
        Instant validUntil = expiresAt;
        return clients.get().getTokens().map(tokens -> keep(tokens, now)).onFailure()
                .recoverWithUni(e -> current != null && now.isBefore(validUntil) ? Uni.createFrom().item(current)
                        : Uni.createFrom().failure(e));
    }

    private String keep(Tokens tokens, Instant now) {
        Long expiry = tokens.getAccessTokenExpiresAt();
        expiresAt = expiry == null ? now.plus(LIFESPAN) : Instant.ofEpochSecond(expiry);
        token = tokens.getAccessToken();
        return token;
    }
}
