package org.cartcompanion.support.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP relay (GreenMail) on a port of its own that a test can take away, hang and bring back on the same port, as a
 * hospital's relay does when it restarts.
 */
public final class SmtpRelay {

    private static final Duration REBIND = Duration.ofSeconds(20);

    private final int port = Ports.restartable();
    private GreenMail server;

    public SmtpRelay() {
        start();
    }

    /** The mailer settings that send through this relay. */
    public Map<String, String> mailerConfig() {
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port));
    }

    /** The relay goes away: connections are refused. */
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** The relay accepts connections on its port and never answers, until the returned relay is closed. */
    public synchronized StalledRelay hang() throws IOException {
        stop();
        return new StalledRelay(port);
    }

    /**
     * A fresh relay on the same port. Should anything still hold the port (on a loaded machine a closed listener can take a
     * moment to let go), the bind is retried for up to 20 s, printing what holds it, before the test fails.
     */
    public synchronized void start() {
        Instant until = Instant.now().plus(REBIND);
        while (true) {
            GreenMail candidate = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
            try {
                candidate.start();
                server = candidate;
                return;
            } catch (IllegalStateException bindFailed) {
                candidate.stop();
                System.err.println("SMTP relay: port " + port + " still taken; its sockets (/proc/net/tcp*):\n" + sockets());
                if (Instant.now().isAfter(until)) {
                    throw new IllegalStateException("Port " + port + " still taken after " + REBIND, bindFailed);
                }
                sleep();
            }
        }
    }

    /** How many messages this relay (since it last started) received for {@code address}. */
    public synchronized long received(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> addressedTo(m, address)).count();
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The kernel's lines for sockets on this port, to see what holds it (state 06 TIME_WAIT, 05 FIN_WAIT2, 01 ESTABLISHED). */
    private String sockets() {
        String hex = String.format(":%04X ", port);
        StringBuilder lines = new StringBuilder();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                Files.readAllLines(Path.of(table)).stream().filter(line -> line.contains(hex))
                        .forEach(line -> lines.append(line.trim()).append('\n'));
            } catch (IOException unreadable) {
                lines.append(table).append(" unreadable\n");
            }
        }
        return lines.toString();
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
