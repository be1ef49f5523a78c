import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The local run's PostgreSQL: a throwaway server (zonky's binaries, fetched by Maven) on one port with one database per
 * service, until this process is stopped. Usage: java -cp CLASSPATH dev/DevDatabase.java PORT READY_FILE DB...
 */
public class DevDatabase {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path ready = Path.of(args[1]);
        Files.deleteIfExists(ready);
        EmbeddedPostgres server = EmbeddedPostgres.builder().setPort(port).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException ignored) {
                // Exiting anyway; the data directory is temporary.
            }
        }));
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (int i = 2; i < args.length; i++) {
                s.execute("CREATE DATABASE " + args[i]);
            }
        }
        Files.writeString(ready, Integer.toString(port));
        System.out.println("PostgreSQL ready on 127.0.0.1:" + port);
        Thread.currentThread().join();
    }
}
