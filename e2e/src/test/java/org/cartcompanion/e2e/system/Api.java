package org.cartcompanion.e2e.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls the services' public APIs as a person with a token would; answers status and JSON body. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An answer: its status, its body as JSON (null when empty or not JSON) and as text, and its media type. */
    public record Answer(int status, JsonNode json, String text, String mediaType, HttpHeaders headers) {

        /** The first value of the header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String at(String pointer) {
            JsonNode node = json == null ? null : json.at(pointer);
            return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
        }

        public Answer expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected " + expected + " but was " + status + ": " + text);
            }
            return this;
        }
    }

    private Api() {
    }

    public static Answer get(String url, String token) {
        return send(request(url, token).GET().build());
    }

    public static Answer post(String url, String token, String body) {
        return post(url, token, body, Map.of());
    }

    public static Answer post(String url, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder b = request(url, token).POST(body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        return send(b.build());
    }

    public static Answer put(String url, String token, String body) {
        return send(request(url, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Any method, with an optional JSON body and headers (an {@code Accept} here replaces the default). */
    public static Answer call(String method, String url, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder b = request(url, token).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::setHeader);
        return send(b.build());
    }

    private static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Accept", "application/json, text/html");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = null;
            if (text != null && (text.startsWith("{") || text.startsWith("["))) {
                json = JSON.readTree(text);
            }
            String mediaType = response.headers().firstValue("Content-Type").map(t -> t.split(";")[0].trim()).orElse(null);
            return new Answer(response.statusCode(), json, text, mediaType, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
