package org.cartcompanion.support.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether tokens come from the hospital's identity provider ({@code quarkus.oidc.tenant-enabled=true} with
 * {@code quarkus.oidc.auth-server-url}: its discovery document and key set, keys refetched when an unknown {@code kid} appears)
 * or are checked against a static key set ({@code mp.jwt.verify.publickey.location}: local runs and tests).
 */
@ApplicationScoped
public class IdentityProviderMode {

    private final boolean enabled;

    public IdentityProviderMode(@ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }
}
