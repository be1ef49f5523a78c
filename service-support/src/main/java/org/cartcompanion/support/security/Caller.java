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
    private final JsonWebToken jwt;

    @Inject
    public Caller(SecurityIdentity identity, JsonWebToken jwt) {
        this.identity = identity;
        this.jwt = jwt;
    }

    public String subject() {
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            subject = jwt.getClaim("upn");
        }
        return subject;
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }
}
