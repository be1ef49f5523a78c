package org.cartcompanion.support.security;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.web.WebPages;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * How a browser page of this service (the console, the patient app) signs its user in. With the hospital's identity provider
 * configured, the page runs the authorization-code flow with PKCE against it as a public client
 * ({@code cart.sign-in.client-id}): this bean reads the provider's discovery document for the endpoints and lets the page's
 * Content-Security-Policy reach the token endpoint's origin. Without one, the page takes a pasted token (local runs and tests).
 * The document is read once and kept; a provider that cannot be reached is asked again at the next page.
 */
@ApplicationScoped
public class BrowserSignIn {

    private static final Duration DISCOVERY_TIMEOUT = Duration.ofSeconds(5);

    private final boolean fromIdentityProvider;
    private final Optional<String> issuer;
    private final Optional<String> clientId;
    private final String scope;
    private final WebClient client;
    private volatile Provider provider;

    public BrowserSignIn(IdentityProviderMode mode,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> issuer,
            @ConfigProperty(name = "cart.sign-in.client-id") Optional<String> clientId,
            @ConfigProperty(name = "cart.sign-in.scope", defaultValue = "openid") String scope, Vertx vertx) {
        this.fromIdentityProvider = mode.enabled();
        this.issuer = issuer.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.clientId = clientId;
        this.scope = scope;
        this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout((int) DISCOVERY_TIMEOUT.toMillis()));
    }

    /** The provider's endpoints a page signs in with, from its discovery document. */
    public record Provider(String issuer, String authorizationEndpoint, String tokenEndpoint, String endSessionEndpoint) {
    }

    /** What the page is told: {@code { "mode": "token" }}, or the provider's endpoints, client id and scope. */
    public Uni<JsonObject> configuration() {
        if (!fromIdentityProvider) {
            return Uni.createFrom().item(new JsonObject().put("mode", "token"));
        }
        return provider().map(p -> new JsonObject().put("mode", "identity-provider").put("issuer", p.issuer())
                .put("authorizationEndpoint", p.authorizationEndpoint()).put("tokenEndpoint", p.tokenEndpoint())
                .put("endSessionEndpoint", p.endSessionEndpoint()).put("clientId", clientId.orElseThrow())
                .put("scope", scope));
    }

    /** The settings as a page's sign-in endpoint answers them: never cached, so a changed provider is seen at once. */
    public Uni<Response> settings() {
        return configuration().map(body -> Response.ok(body.encode(), MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store").build());
    }

    /**
     * The page's Content-Security-Policy: everything from this service only, and in provider mode the token endpoint's origin
     * for the page's code exchange and refresh (the sign-in page itself is a navigation, not a fetch). When the provider cannot
     * be reached the page still opens, with this service alone, and says sign-in is unavailable.
     */
    public Uni<String> contentSecurityPolicy() {
        if (!fromIdentityProvider) {
            return Uni.createFrom().item(policy("'self'"));
        }
        return provider().map(p -> policy("'self' " + origin(p.tokenEndpoint())))
                .onFailure().recoverWithItem(() -> policy("'self'"));
    }

    /** The page at {@code resource}, served with that policy ({@link WebPages#page}). */
    public Uni<Response> page(String resource) {
        return contentSecurityPolicy().map(policy -> WebPages.page(resource, policy));
    }

    private static String policy(String connectSrc) {
        return "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src " + connectSrc
                + "; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    }

    private Uni<Provider> provider() {
        Provider known = provider;
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        String base = issuer.orElseThrow(() -> new IllegalStateException("quarkus.oidc.auth-server-url is not set"));
        if (clientId.isEmpty()) {
            return Uni.createFrom().failure(new IllegalStateException(
                    "cart.sign-in.client-id is not set: the identity provider's public client for this service's pages"));
        }
        return client.getAbs(base + "/.well-known/openid-configuration").timeout(DISCOVERY_TIMEOUT.toMillis()).send()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("the identity provider's discovery document answered "
                                + response.statusCode());
                    }
                    JsonObject document = response.bodyAsJsonObject();
                    Provider found = new Provider(document.getString("issuer"),
                            required(document, "authorization_endpoint"), required(document, "token_endpoint"),
                            document.getString("end_session_endpoint"));
                    provider = found;
                    return found;
                }).onFailure().transform(e -> {
                    Log.warnf("Browser sign-in: cannot read %s's discovery document: %s", base, e.getMessage());
                    return new ProblemException(503, "dependency-unavailable",
                            "The hospital's sign-in service cannot be reached just now. Try again shortly.");
                });
    }

    private static String required(JsonObject document, String name) {
        String value = document.getString(name);
        if (value == null || !value.startsWith("https://") && !value.startsWith("http://")) {
            throw new IllegalStateException("the identity provider's discovery document has no usable " + name);
        }
        return value;
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
