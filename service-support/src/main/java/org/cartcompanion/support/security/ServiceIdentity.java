package org.cartcompanion.support.security;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * A service token cannot act as a user, and a user cannot act as a service.
 * <p>
 * With a static key set, a token signed with the services' own key is accepted only as exactly the {@code service} group and a
 * known service's subject ({@code cart.security.services}); anything else signed with it is refused (401). A token from the
 * identity provider never carries the {@code service} role here: the group is dropped, so {@code /internal} answers it 403.
 * <p>
 * With the hospital's identity provider, the services' tokens are its client-credentials tokens: one keeps the {@code service}
 * group only when the client it was issued to ({@code azp}, else {@code client_id}, else Entra ID's {@code appid}) is one of
 * the services' clients ({@code cart.security.service-clients}, {@code service-name=client-id} pairs), and then it is that
 * service whatever its subject; any other token loses the group.
 */
@ApplicationScoped
public class ServiceIdentity implements SecurityIdentityAugmentor {

    /** The identity attribute naming the service a token was issued to. */
    static final String SERVICE = "cart.service";

    private final ServiceKey serviceKey;
    private final Set<String> services;
    private final boolean fromIdentityProvider;
    private final Map<String, String> serviceByClient = new HashMap<>();

    public ServiceIdentity(ServiceKey serviceKey,
            @ConfigProperty(name = "cart.security.services", defaultValue = "patient-service,alert-service,care-team-service") List<String> services,
            @ConfigProperty(name = "cart.security.service-clients", defaultValue = "patient-service=patient-service,alert-service=alert-service,care-team-service=care-team-service") List<String> serviceClients,
            IdentityProviderMode mode) {
        this.serviceKey = serviceKey;
        this.services = Set.copyOf(services);
        this.fromIdentityProvider = mode.enabled();
        for (String pair : serviceClients) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1 || !this.services.contains(pair.substring(0, eq).strip())) {
                throw new IllegalStateException("cart.security.service-clients: '" + pair
                        + "' is not service-name=client-id for one of " + this.services);
            }
            serviceByClient.put(pair.substring(eq + 1).strip(), pair.substring(0, eq).strip());
        }
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        if (fromIdentityProvider) {
            return Uni.createFrom().item(fromProvider(identity, jwt));
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
        return Uni.createFrom().item(withoutServiceRole(identity));
    }

    private SecurityIdentity fromProvider(SecurityIdentity identity, JsonWebToken jwt) {
        if (!identity.getRoles().contains(Roles.SERVICE)) {
            return identity;
        }
        String client = Claims.first(jwt, "azp", "client_id", "appid");
        String service = client == null ? null : serviceByClient.get(client);
        if (service == null) {
            Log.warnf("A token with the service group for client '%s', not one of the services' clients: group dropped",
                    client);
            return withoutServiceRole(identity);
        }
        return QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials()).addAttributes(identity.getAttributes())
                .addAttribute(SERVICE, service).addRole(Roles.SERVICE).setAnonymous(false).build();
    }

    private static SecurityIdentity withoutServiceRole(SecurityIdentity identity) {
        if (!identity.getRoles().contains(Roles.SERVICE)) {
            return identity;
        }
        Set<String> roles = new HashSet<>(identity.getRoles());
        roles.remove(Roles.SERVICE);
        return QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials()).addAttributes(identity.getAttributes()).addRoles(roles)
                .setAnonymous(false).build();
    }
}
