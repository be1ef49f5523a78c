package org.cartcompanion.support.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestContext;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestFilter;

/**
 * Adds this service's own bearer token to every call made by a REST client that registers it. The request waits, without
 * blocking a thread, while a token is fetched from the identity provider.
 */
public class ServiceTokenFilter implements ResteasyReactiveClientRequestFilter {

    @Inject
    ServiceTokens tokens;

    @Override
    public void filter(ResteasyReactiveClientRequestContext request) {
        request.suspend();
        tokens.bearer().subscribe().with(token -> {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            request.resume();
        }, request::resume);
    }
}
