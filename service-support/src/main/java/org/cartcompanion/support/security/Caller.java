package org.cartcompanion.support.security;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

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
     * Who an identity is, one way everywhere (access, service allow-lists, the audit trail): its JWT's {@code sub}, else its
     * {@code upn}, else the principal's name; null for an anonymous one.
     */
    public static String subjectOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            if (token.getSubject() != null && !token.getSubject().isBlank()) {
                return token.getSubject();
            }
            String upn = token.getClaim("upn");
            if (upn != null && !upn.isBlank()) {
                return upn;
            }
        }
        return identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }
}
