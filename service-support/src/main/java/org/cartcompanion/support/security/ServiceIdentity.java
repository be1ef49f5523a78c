package org.cartcompanion.support.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * A service token cannot act as a user, and a user cannot act as a service. A token signed with the services' own key is
 * accepted only as exactly the {@code service} group and a known service's subject ({@code cart.security.services}); anything
 * else signed with it is refused (401). A token from the identity provider never carries the {@code service} role here: the
 * group is dropped, so {@code /internal} answers it 403.
 */
@ApplicationScoped
public class ServiceIdentity implements SecurityIdentityAugmentor {

    private final ServiceKey serviceKey;
    private final Set<String> services;

    public ServiceIdentity(ServiceKey serviceKey,
            @ConfigProperty(name = "cart.security.services", defaultValue = "patient-service,alert-service,care-team-service") List<String> services) {
        this.serviceKey = serviceKey;
        this.services = Set.copyOf(services);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        if (serviceKey.signed(jwt.getRawToken())) {
            String subject = jwt.getSubject();
            if (!identity.getRoles().equals(Set.of(Roles.SERVICE)) || subject == null || !services.contains(subject)) {
                Log.warnf("Refused a token signed with the services' key for subject '%s' with groups %s", subject,
                        identity.getRoles());
                return Uni.createFrom().failure(new AuthenticationFailedException(
                        "a token signed with the services' key must name a known service and only the service group"));
            }
            return Uni.createFrom().item(identity);
        }
        if (!identity.getRoles().contains(Roles.SERVICE)) {
            return Uni.createFrom().item(identity);
        }
        Set<String> roles = new HashSet<>(identity.getRoles());
        roles.remove(Roles.SERVICE);
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials()).addAttributes(identity.getAttributes()).addRoles(roles)
                .setAnonymous(false).build());
    }
}
