package org.cartcompanion.support.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.core.Response;

/**
 * The services' browser pages (the console, the patient app): one HTML page and a few files, read from the build once and
 * answered with headers that keep them from being framed, sniffed or cached stale.
 */
public final class WebPages {

    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8", "css",
            "text/css; charset=utf-8", "webmanifest", "application/manifest+json; charset=utf-8", "svg",
            "image/svg+xml", "png", "image/png");
    private static final Map<String, byte[]> LOADED = new ConcurrentHashMap<>();

    private WebPages() {
    }

    /** The page at {@code resource} with the given Content-Security-Policy. */
    public static Response page(String resource, String policy) {
        return Response.ok(new String(load(resource), StandardCharsets.UTF_8), "text/html; charset=utf-8")
                .header("Content-Security-Policy", policy)
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-cache").build();
    }

    /** One of the page's files, or 404 when {@code resource} is null (a name the page does not have). */
    public static Response asset(String resource) {
        if (resource == null) {
            return Response.status(404).build();
        }
        String type = TYPES.get(resource.substring(resource.lastIndexOf('.') + 1));
        return Response.ok(load(resource), type).header("Cache-Control", "no-cache").header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static byte[] load(String resource) {
        return LOADED.computeIfAbsent(resource, name -> {
            try (InputStream in = WebPages.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException(name + " is missing from the build");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
