package org.cartcompanion.support.security;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling: the JWT subject (or {@code upn}) and the roles in {@code groups}. What the caller may touch is decided from
 * stored relations, never from other claims.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    @Inject
    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String subject() {
        return subjectOf(identity);
    }

    /**
     * Who an identity is, one way everywhere (access, service allow-lists, the audit trail): the service a token from the
     * identity provider was issued to (ServiceIdentity); else its JWT's subject claim ({@code cart.security.subject-claim}:
     * {@code sub}, or {@code oid} for Entra ID, which gives one {@code sub} per application), else its {@code upn}, else the
     * principal's name; null for an anonymous one.
     */
    public static String subjectOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        String service = identity.getAttribute(ServiceIdentity.SERVICE);
        if (service != null) {
            return service;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String subject = Claims.first(token, SubjectClaim.NAME, "upn");
            if (subject != null) {
                return subject;
            }
        }
        return identity.getPrincipal().getName();
    }

    /** The claim that names a user, read once from {@code cart.security.subject-claim} (default {@code sub}). */
    private static final class SubjectClaim {
        static final String NAME = ConfigProvider.getConfig().getOptionalValue("cart.security.subject-claim", String.class)
                .orElse("sub");
    }

    /**
     * The caller's bearer token as presented, to pass on when acting for them (the console); null without one. Read from the
     * identity, not an injected JsonWebToken: with both token mechanisms present the injected one may be the other's.
     */
    public String rawToken() {
        return identity.getPrincipal() instanceof JsonWebToken token ? token.getRawToken() : null;
    }

    /** How a page names the caller: the token's {@code name}, {@code preferred_username} or {@code upn}, else the subject. */
    public String displayName() {
        String name = identity.getPrincipal() instanceof JsonWebToken token
                ? Claims.first(token, "name", "preferred_username", "upn")
                : null;
        return name != null ? name : subject();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }
}
