package org.cartcompanion.support.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/** Adds this service's own bearer token to every call made by a REST client that registers it. */
public class ServiceTokenFilter implements ClientRequestFilter {

    @Inject
    ServiceTokens tokens;

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.bearer());
    }
}
