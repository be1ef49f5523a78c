package org.cartcompanion.support.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * Refuses a declared body above {@code quarkus.http.limits.max-body-size} with a problem+json 413 before it is read. (The HTTP
 * layer's own check, which still covers chunked bodies, answers without a problem body.)
 */
@ApplicationScoped
public class BodySizeLimit {

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        long max = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && exceeds(declared, max)) {
                JsonObject problem = new JsonObject().put("type", ProblemMappers.TYPE_BASE + "content-too-large")
                        .put("title", "Content Too Large").put("status", 413)
                        .put("detail", "The request body is larger than " + max / 1024 + " KiB.")
                        .put("instance", ctx.request().path());
                ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(problem.encode());
                return;
            }
            ctx.next();
        });
    }

    private static boolean exceeds(String declared, long max) {
        try {
            return Long.parseLong(declared.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
