package org.cartcompanion.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The tests' PostgreSQL: a throwaway server started once per test JVM (from the zonky binaries Maven fetches), handed to the
 * service through the standard datasource properties, so the service itself never carries a database. When a datasource is
 * configured already (CI's second pass, {@code -Dtest.db.host=…}), that one is used and nothing starts.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres server;

    @Override
    public Map<String, String> start() {
        if (System.getProperty("quarkus.datasource.reactive.url") != null
                || System.getenv("QUARKUS_DATASOURCE_REACTIVE_URL") != null) {
            return Map.of();
        }
        int port = server().getPort();
        return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + port + "/postgres",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "postgres");
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
            } catch (IOException e) {
                throw new UncheckedIOException("the tests' PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; the server's directory is temporary.
                }
            }));
        }
        return server;
    }

    @Override
    public void stop() {
        // Kept for the next Quarkus start in this JVM (another test profile); stopped when the JVM exits.
    }
}
