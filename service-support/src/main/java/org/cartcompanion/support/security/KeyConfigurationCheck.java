package org.cartcompanion.support.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start without the keys that authentication depends on. Without them every request would answer 401, which looks
 * like an outage of the identity provider rather than a missing setting.
 */
@ApplicationScoped
public class KeyConfigurationCheck {

    void verify(@Observes StartupEvent start,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> publicKeyLocation,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> publicKey,
            @ConfigProperty(name = "smallrye.jwt.sign.key.location") Optional<String> signKeyLocation,
            @ConfigProperty(name = "smallrye.jwt.sign.key") Optional<String> signKey, IdentityProviderMode mode,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> idp,
            @ConfigProperty(name = "quarkus.oidc-client.auth-server-url") Optional<String> clientIdp,
            @ConfigProperty(name = "quarkus.oidc-client.client-id") Optional<String> clientId) {
        List<String> missing = new ArrayList<>();
        if (mode.enabled()) {
            // The identity provider's keys come from its discovery document; the services' tokens from client credentials.
            if (idp.isEmpty()) {
                missing.add("quarkus.oidc.auth-server-url (QUARKUS_OIDC_AUTH_SERVER_URL): the identity provider's issuer URL");
            }
            if (clientIdp.isEmpty() || clientId.isEmpty()) {
                missing.add("quarkus.oidc-client.auth-server-url and .client-id (QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL, "
                        + "QUARKUS_OIDC_CLIENT_CLIENT_ID, with QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET): this service's client");
            }
        } else {
            if (publicKeyLocation.isEmpty() && publicKey.isEmpty()) {
                missing.add("mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION): the identity provider's "
                        + "public key or JWKS");
            }
            if (signKeyLocation.isEmpty() && signKey.isEmpty()) {
                missing.add("smallrye.jwt.sign.key.location (SMALLRYE_JWT_SIGN_KEY_LOCATION): the key that signs "
                        + "service-to-service tokens");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing security configuration: " + String.join("; ", missing));
        }
    }
}
