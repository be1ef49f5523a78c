package org.cartcompanion.support.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers a test stops and starts again on the same port (an SMTP relay, PostgreSQL, a service).
 * <p>
 * A port the kernel hands out with {@code new ServerSocket(0)} lies in its ephemeral range: while the server is stopped, any
 * outgoing connection on the machine may be given it as its local port (even the client retrying that very server, which then
 * connects to itself), and the restart cannot bind. A port below the ephemeral range is never handed out that way.
 */
public final class Ports {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 10_000;

    private Ports() {
    }

    /** A free port below the ephemeral range, chosen at random so that parallel runs rarely pick the same one. */
    public static int restartable() {
        int below = ephemeralStart();
        int lowest = below > LOWEST + 1_000 ? LOWEST : 1_025;
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(lowest, below);
            if (free(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port between " + lowest + " and " + below);
    }

    private static int ephemeralStart() {
        try {
            // Not Files.readString: procfs reports a size of 0, and only part of the line is read.
            int start = Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
            return start > 2_048 ? start : 32_768;
        } catch (IOException | RuntimeException unreadable) {
            return 32_768; // Linux's default; macOS and Windows start higher
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false); // a port with connections still in TIME_WAIT is not free either
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
