package org.cartcompanion.support.security;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.jwt.build.Jwt;

/**
 * Mints the JWT this service presents to the others: group {@code service}, the deployment's issuer and audience, signed with
 * the key at {@code smallrye.jwt.sign.key.location}, its {@code kid} from {@code cart.service-token.key-id} (so that a
 * verification key set holding the identity provider's keys as well finds the services' one). A token is reused until shortly
 * before it expires.
 */
@ApplicationScoped
public class ServiceTokens {

    private static final Duration LIFESPAN = Duration.ofMinutes(5);
    private static final Duration RENEW_BEFORE = Duration.ofSeconds(60);

    private final String serviceName;
    private final String keyId;
    private volatile String token;
    private volatile Instant expiresAt = Instant.EPOCH;

    public ServiceTokens(@ConfigProperty(name = "quarkus.application.name") String serviceName,
            @ConfigProperty(name = "cart.service-token.key-id", defaultValue = "cart-companion-services") String keyId) {
        this.serviceName = serviceName;
        this.keyId = keyId;
    }

    public String bearer() {
        Instant now = Instant.now();
        if (token == null || now.isAfter(expiresAt.minus(RENEW_BEFORE))) {
            synchronized (this) {
                if (token == null || now.isAfter(expiresAt.minus(RENEW_BEFORE))) {
                    Instant expiry = now.plus(LIFESPAN);
                    token = Jwt.subject(serviceName).upn(serviceName).groups(Roles.SERVICE).issuedAt(now)
                            .expiresAt(expiry).jws().keyId(keyId).sign();
                    expiresAt = expiry;
                }
            }
        }
        return token;
    }
}
