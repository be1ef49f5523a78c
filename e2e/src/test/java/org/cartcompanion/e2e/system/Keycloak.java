package org.cartcompanion.e2e.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real Keycloak with the repository's realm (dev/keycloak/start with a state directory of its own, so a developer's
 * Keycloak is left alone), and the ways its users and clients get tokens: a user signs in through the authorization-code
 * flow with PKCE as the console and the app do (the login form posted as a browser would), a service by client credentials.
 */
public final class Keycloak implements AutoCloseable {

    public static final String REALM = "cart-companion";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final Map<String, String> secrets;

    private Keycloak(Process process, int port, Map<String, String> secrets) {
        this.process = process;
        this.port = port;
        this.secrets = secrets;
    }

    /** Starts it from the realm file on a free port; every service client gets {@code serviceSecret}. */
    public static Keycloak start(Path state, String serviceSecret) throws Exception {
        int port = CarTSystem.freePort();
        Files.createDirectories(state);
        Files.deleteIfExists(state.resolve("keycloak.env"));
        ProcessBuilder builder = new ProcessBuilder("../dev/keycloak/start", "--port", String.valueOf(port), "--fresh",
                "--state", state.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(state.resolve("keycloak.log").toFile()));
        for (String name : new String[] { "CART_PATIENT_SERVICE_SECRET", "CART_ALERT_SERVICE_SECRET",
                "CART_CARE_TEAM_SERVICE_SECRET" }) {
            builder.environment().put(name, serviceSecret);
        }
        Process process = builder.start();
        String discovery = "http://localhost:" + port + "/realms/" + REALM + "/.well-known/openid-configuration";
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        HttpClient http = HttpClient.newHttpClient();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped; see " + state.resolve("keycloak.log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(discovery)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("Keycloak not ready after 4 minutes; see " + state.resolve("keycloak.log"));
            }
            Thread.sleep(500);
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String line : Files.readAllLines(state.resolve("keycloak.env"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                secrets.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new Keycloak(process, port, secrets);
    }

    /** The realm's issuer, as the services must be told it (the host name is part of it). */
    public String issuer() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** A service's access token by client credentials. */
    public String serviceToken(String clientId) throws Exception {
        return token(issuer(), Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret",
                secrets.get("CART_" + clientId.toUpperCase().replace('-', '_') + "_SECRET")));
    }

    /** An administrator's token from the master realm: a real token of this Keycloak, from another realm. */
    public String masterAdminToken() throws Exception {
        return token(url() + "/realms/master", Map.of("grant_type", "password", "client_id", "admin-cli", "username",
                secrets.get("KC_BOOTSTRAP_ADMIN_USERNAME"), "password", secrets.get("KC_BOOTSTRAP_ADMIN_PASSWORD")));
    }

    /**
     * A demo user's access token through the authorization-code flow with PKCE, as {@code clientId} (the console's or the
     * app's public client) at {@code redirectUri}: the login page is fetched and its form posted with the user's password.
     */
    public String signIn(String username, String clientId, String redirectUri) throws Exception {
        // Cookies by hand: Keycloak marks its session cookies Secure, which java.net's cookie store keeps from plain http.
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String state = UUID.randomUUID().toString();
        String authorize = issuer() + "/protocol/openid-connect/auth?" + form(Map.of("client_id", clientId, "response_type",
                "code", "scope", "openid", "redirect_uri", redirectUri, "state", state, "code_challenge", challenge,
                "code_challenge_method", "S256"));
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(authorize)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(page.body());
        if (page.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("no login form: " + page.statusCode() + " " + page.body());
        }
        String cookies = page.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';') < 0
                ? c.length() : c.indexOf(';'))).collect(Collectors.joining("; "));
        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password",
                                demoPassword(), "credentialId", ""))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (login.statusCode() != 302 || !location.startsWith(redirectUri) || !code.find()) {
            throw new IllegalStateException("sign-in refused: " + login.statusCode() + " " + location);
        }
        return token(issuer(), Map.of("grant_type", "authorization_code", "client_id", clientId, "code",
                URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", redirectUri, "code_verifier",
                verifier));
    }

    /** Adds a signing key with a higher priority than any before: new tokens carry its {@code kid}. */
    public void rotateKey(int priority, String algorithm) throws Exception {
        String admin = masterAdminToken();
        JsonNode realm = admin("GET", "/admin/realms/" + REALM, admin, null);
        String body = JSON.writeValueAsString(Map.of("name", "rotated-" + algorithm + "-" + priority, "providerId",
                "rsa-generated", "providerType", "org.keycloak.keys.KeyProvider", "parentId", realm.get("id").asText(),
                "config", Map.of("priority", new String[] { String.valueOf(priority) }, "keySize", new String[] { "2048" },
                        "algorithm", new String[] { algorithm })));
        admin("POST", "/admin/realms/" + REALM + "/components", admin, body);
    }

    /** Sets how a client's access tokens are signed ({@code RS256} is the realm's default). */
    public void accessTokenAlgorithm(String clientId, String algorithm) throws Exception {
        updateClient(clientId, client -> ((ObjectNode) client.get("attributes")).put("access.token.signed.response.alg",
                algorithm));
    }

    /** Sets how long a client's access tokens live, in seconds; null goes back to the realm's lifespan. */
    public void accessTokenLifespan(String clientId, Integer seconds) throws Exception {
        updateClient(clientId, client -> ((ObjectNode) client.get("attributes")).put("access.token.lifespan",
                seconds == null ? "" : seconds.toString()));
    }

    /**
     * Lets a public client send users back to pages at {@code uriPattern} (e.g. {@code http://127.0.0.1:1234/app/*}), as a
     * hospital registers its own addresses; sign-out may return there too and the pages' origin may call the token endpoint.
     */
    public void allowRedirects(String clientId, String uriPattern) throws Exception {
        updateClient(clientId, client -> ((ArrayNode) client.get("redirectUris")).add(uriPattern));
    }

    /** The demo users' password (made on the first start, kept in the state directory). */
    public String demoPassword() {
        return secrets.get("CART_DEMO_PASSWORD");
    }

    private void updateClient(String clientId, Consumer<ObjectNode> change) throws Exception {
        String admin = masterAdminToken();
        ObjectNode client = (ObjectNode) admin("GET", "/admin/realms/" + REALM + "/clients?clientId=" + clientId, admin, null)
                .get(0);
        change.accept(client);
        admin("PUT", "/admin/realms/" + REALM + "/clients/" + client.get("id").asText(), admin,
                JSON.writeValueAsString(client));
    }

    private JsonNode admin(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).header("Authorization",
                "Bearer " + token);
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + answer.statusCode() + " " + answer.body());
        }
        return answer.body().isBlank() ? null : JSON.readTree(answer.body());
    }

    private static String token(String realmUrl, Map<String, String> form) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(form))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("token refused: " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body()).get("access_token").asText();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    @Override
    public void close() throws Exception {
        // Idempotent: a test may stop it early (an identity-provider outage).
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        process.waitFor();
    }
}
