package org.cartcompanion.support.security;

import java.util.Arrays;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.cartcompanion.support.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/** Enforces {@link CallableBy}: a service that an internal endpoint does not name gets 403. */
public class CallableByFilter {

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter
    public Uni<Response> check(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return Uni.createFrom().nullItem();
        }
        CallableBy annotated = resource.getResourceMethod().getAnnotation(CallableBy.class);
        CallableBy allowed = annotated != null ? annotated : resource.getResourceClass().getAnnotation(CallableBy.class);
        if (allowed == null) {
            return Uni.createFrom().nullItem();
        }
        // The identity is resolved without blocking: authentication is lazy, and this runs on the event loop.
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous() || !identity.hasRole(Roles.SERVICE)) {
                return null; // @RolesAllowed answers 401 or 403.
            }
            String caller = Caller.subjectOf(identity);
            if (Arrays.stream(allowed.value()).noneMatch(name -> name.equals(caller))) {
                throw ProblemException.forbidden("This endpoint is not for " + caller + ".");
            }
            return null;
        });
    }
}
