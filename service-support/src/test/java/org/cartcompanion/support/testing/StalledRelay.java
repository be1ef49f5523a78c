package org.cartcompanion.support.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP relay that has hung: it accepts connections on the port and never says a word. Closing it drops every connection it
 * holds.
 */
public final class StalledRelay implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public StalledRelay(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    hold(server.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        }, "stalled-relay-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private synchronized void hold(Socket connection) throws IOException {
        if (server.isClosed()) {
            abort(connection);
        } else {
            held.add(connection);
        }
    }

    /** How many connections it has taken and left hanging. */
    public int connections() {
        return held.size();
    }

    /**
     * Frees the port: the listening socket is only released once the thread blocked in {@code accept} has returned (the JDK
     * defers the close until then), so this waits for it; every connection is dropped with a reset.
     */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            server.close();
            for (Socket connection : held) {
                abort(connection);
            }
        }
        try {
            acceptor.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void abort(Socket connection) throws IOException {
        connection.setSoLinger(true, 0);
        connection.close();
    }
}
