package org.cartcompanion.e2e.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The whole system as a deployment runs it: one PostgreSQL (an embedded server, one database per service), a real SMTP
 * server (GreenMail), the SMS and voice provider's stand-in ({@code dev/PhoneStandIn.java}), and the three services started from their packaged jars as separate processes, configured only by
 * the standard properties. Tests drive it through the public APIs.
 */
public final class CarTSystem implements AutoCloseable {

    public enum Service {
        PATIENT("patient-service", "patient"), ALERT("alert-service", "alert"), CARE_TEAM("care-team-service", "care_team");

        final String module;
        final String database;

        Service(String module, String database) {
            this.module = module;
            this.database = database;
        }
    }

    private static final AtomicInteger SYSTEMS = new AtomicInteger();

    /** alert-service's acknowledge-link HMAC key, made for the run. */
    private static final String ACK_LINK_SECRET = java.util.Base64.getEncoder()
            .encodeToString(java.security.SecureRandom.getSeed(32));

    /** The deployment's last-resort page address (alert.escalation.default-fallback-email). */
    public static final String OPERATOR = "operator@e2e.example";

    private final Path work;
    private final int postgresPort;
    private final Path postgresData;
    private EmbeddedPostgres postgres;
    private final int smtpPort;
    private GreenMail smtp;
    private final Phones phones;
    private final Tokens tokens;
    private final Map<Service, Integer> ports = new LinkedHashMap<>();
    private final Map<Service, Process> processes = new LinkedHashMap<>();
    private final Map<String, String> extra;
    private final List<Process> replicas = new ArrayList<>();

    private CarTSystem(Map<String, String> extra) throws Exception {
        this.extra = extra;
        // Each system its own keys, logs and data: two may run at once (the shared one and a fault scenario's).
        work = Path.of("target", "e2e", "system-" + SYSTEMS.incrementAndGet());
        deleteTree(work);
        Files.createDirectories(work.resolve("logs"));
        tokens = new Tokens(work.resolve("keys"));
        postgresPort = freePort();
        postgresData = work.resolve("postgres").toAbsolutePath();
        deleteTree(postgresData);
        startPostgres();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (Service service : Service.values()) {
                s.execute("CREATE DATABASE " + service.database);
            }
        }
        smtpPort = freePort();
        startSmtp();
        for (Service service : Service.values()) {
            ports.put(service, freePort());
        }
        phones = new Phones(freePort(), inboundUrl(), work.resolve("logs").resolve("phone-stand-in.log"));
    }

    /** alert-service's inbound SMS address, as the provider (the stand-in) is told to call it. */
    private String inboundUrl() {
        return url(Service.ALERT) + "/api/v1/sms/inbound";
    }

    /** The SMS and voice provider's stand-in this system's alert-service sends to. */
    public Phones phones() {
        return phones;
    }

    /**
     * The configuration of the shared system: late-phase (P4) patients are expected to check in every 10 s instead of
     * weekly, and nights are not quiet, so a missed check-in plays out in seconds; every other setting is the default.
     */
    private static final Map<String, String> SHARED = Map.of("patient.heartbeat.cadence.p4-late", "PT10S",
            "patient.heartbeat.escalate-after", "PT5S", "patient.heartbeat.interval", "1s", "patient.heartbeat.quiet-start",
            "00:00", "patient.heartbeat.quiet-end", "00:00");
    private static CarTSystem shared;
    private static Exception sharedFailure;

    /**
     * One system for the test classes that only drive it (no faults), started by the first that asks and stopped when the
     * test JVM ends.
     */
    public static synchronized CarTSystem shared() throws Exception {
        if (sharedFailure != null) {
            throw new IllegalStateException("the shared system did not start", sharedFailure);
        }
        if (shared == null) {
            CarTSystem system;
            try {
                system = start(SHARED);
            } catch (Exception e) {
                sharedFailure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    system.close();
                } catch (Exception e) {
                    System.err.println("e2e: stopping the shared system failed: " + e);
                }
            }, "e2e-shared-system-stop"));
            shared = system;
        }
        return shared;
    }

    /** An identity provider the services do not trust: its tokens look right but are signed with another key. */
    public Tokens foreignIdentityProvider() throws Exception {
        return new Tokens(work.resolve("foreign-keys"));
    }

    /**
     * Starts everything and waits until the three services answer ready. {@code extra}: more -D properties for all
     * ({@code {service}} in a value is replaced by each service's name).
     */
    public static CarTSystem start(Map<String, String> extra) throws Exception {
        CarTSystem system = new CarTSystem(extra);
        try {
            for (Service service : Service.values()) {
                system.startService(service);
            }
            for (Service service : Service.values()) {
                system.awaitReady(service, Duration.ofSeconds(90));
            }
            return system;
        } catch (Exception | Error e) {
            // A system that did not come up is stopped whole: no service, database or mail server is left running.
            system.close();
            throw e;
        }
    }

    public void startService(Service service) throws IOException {
        processes.put(service, launch(service, config(service), service.module + ".log"));
    }

    /** Starts the service's packaged jar as a process with this configuration, its output appended to the log. */
    private Process launch(Service service, Map<String, String> config, String logName) throws IOException {
        Path jar = Path.of("..", service.module, "target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Package the services first (./mvnw verify builds them): " + jar);
        }
        // The suite's own JDK, unless told another (a benchmark runs the services on the JDK of their images: e2e.service.java).
        String java = System.getProperty("e2e.service.java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java));
        // The suite favours start-up (C1 only); a benchmark passes -De2e.service.jvm="-Xmx512m" for a production JIT.
        command.addAll(List.of(System.getProperty("e2e.service.jvm", "-Xmx256m -XX:TieredStopAtLevel=1").trim().split("\\s+")));
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        Path log = work.resolve("logs").resolve(logName);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** The service process's resident memory now, in MiB (Linux: VmRSS of /proc/PID/status); -1 when it cannot be read. */
    public long residentMiB(Service service) {
        Process p = processes.get(service);
        if (p == null) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** The service's process id, or -1 when it is not running. */
    public long pid(Service service) {
        Process p = processes.get(service);
        return p == null ? -1 : p.pid();
    }

    /**
     * The CPU time the service process has used so far, in seconds (Linux: utime + stime of /proc/PID/stat at 100 ticks a
     * second); -1 when it cannot be read.
     */
    public double cpuSeconds(Service service) {
        Process p = processes.get(service);
        if (p == null) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            // Fields after the command name (which may hold spaces) start at the state, field 3; utime and stime are 14, 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Stops a service as a crash would ({@code kill -9}) or gracefully. */
    public void stopService(Service service, boolean kill) throws InterruptedException {
        Process p = processes.remove(service);
        if (p == null) {
            return;
        }
        if (kill) {
            p.destroyForcibly();
        } else {
            p.destroy();
        }
        stopped(p);
    }

    /** Waits for a process told to stop; one that has not stopped after 20 s is killed. */
    private static void stopped(Process p) throws InterruptedException {
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    public void awaitReady(Service service, Duration timeout) throws InterruptedException {
        awaitReady(processes.get(service), url(service), service.module, timeout);
    }

    /** Waits until the process at {@code url} answers ready; fails at once if the process exits. */
    private static void awaitReady(Process process, String url, String name, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(name + " exited; see target/e2e/system-*/logs/");
            }
            try {
                if (Api.get(url + "/q/health/ready", null).status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " not ready after " + timeout);
    }

    private Map<String, String> config(Service service) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("quarkus.http.port", String.valueOf(ports.get(service)));
        c.put("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + postgresPort + "/" + service.database);
        c.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + service.database);
        c.put("quarkus.datasource.username", "postgres");
        c.put("quarkus.datasource.password", "postgres");
        c.put("mp.jwt.verify.publickey.location", tokens.publicPem().toAbsolutePath().toString());
        c.put("smallrye.jwt.sign.key.location", tokens.privatePem().toAbsolutePath().toString());
        c.put("quarkus.rest-client.patient-service.url", url(Service.PATIENT));
        c.put("quarkus.rest-client.alert-service.url", url(Service.ALERT));
        c.put("quarkus.rest-client.care-team-service.url", url(Service.CARE_TEAM));
        c.put("quarkus.mailer.host", "127.0.0.1");
        c.put("quarkus.mailer.port", String.valueOf(smtpPort));
        c.put("quarkus.mailer.mock", "false");
        c.put("quarkus.log.console.json.enabled", "false");
        c.put("alert.links.public-url", url(Service.ALERT));
        c.put("alert.links.console-url", url(Service.CARE_TEAM) + "/console");
        c.put("careteam.links.console", url(Service.CARE_TEAM) + "/console");
        c.put("alert.escalation.default-fallback-email", OPERATOR);
        c.put("alert.ack-link.secret", ACK_LINK_SECRET);
        c.putAll(phones.settings(inboundUrl()));
        // "{service}" in an extra value names the service it is given to (its own client id at an identity provider, say).
        extra.forEach((k, v) -> c.put(k, v.replace("{service}", service.module)));
        return c;
    }

    public String url(Service service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    public Tokens tokens() {
        return tokens;
    }

    public synchronized GreenMail smtp() {
        return smtp;
    }

    /** PostgreSQL shuts down (fast: open sessions are ended), as for a restart or a fail-over; its data stays. */
    public synchronized void stopPostgres() throws IOException {
        postgres.close();
        postgres = null;
    }

    /** PostgreSQL starts again on the same port and data. */
    public synchronized void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setPort(postgresPort).setDataDirectory(postgresData.toFile())
                .setCleanDataDirectory(false).start();
    }

    /** The SMTP server goes away (what it received so far stays readable through {@link Mailbox}). */
    public synchronized void stopSmtp() {
        smtp.stop();
    }

    /** A fresh SMTP server on the same port. */
    public synchronized void startSmtp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        smtp.start();
    }

    /**
     * A second alert-service instance on the same database (a replica), on its own port; patient-service keeps talking
     * to the first. Answers its process.
     */
    public Process startAlertReplica() throws IOException, InterruptedException {
        Map<String, String> c = config(Service.ALERT);
        int port = freePort();
        c.put("quarkus.http.port", String.valueOf(port));
        Process replica = launch(Service.ALERT, c, "alert-service-replica.log");
        replicas.add(replica);
        awaitReady(replica, "http://127.0.0.1:" + port, "the alert-service replica", Duration.ofSeconds(90));
        return replica;
    }

    @Override
    public void close() throws Exception {
        for (Service service : new ArrayList<>(processes.keySet())) {
            stopService(service, false);
        }
        for (Process replica : replicas) {
            replica.destroy();
            stopped(replica);
        }
        smtp.stop();
        if (phones != null) {
            phones.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        deleteTree(postgresData);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * A free port below the kernel's ephemeral range (Linux: /proc/sys/net/ipv4/ip_local_port_range). PostgreSQL, the SMTP
     * server and the services are stopped and started again on their ports; while one is down, an ephemeral port may be
     * given to any outgoing connection (even a client retrying that very server, which then connects to itself) and the
     * restart could not bind.
     */
    public static int freePort() {
        int below = 32_768;
        try {
            // Not Files.readString: procfs reports a size of 0, and only part of the line is read.
            below = Math.max(2_048, Integer.parseInt(
                    Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+")[0]));
        } catch (IOException | RuntimeException unreadable) {
            // Linux's default start
        }
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(Math.min(10_000, below - 1_000), below);
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException taken) {
                // another one
            }
        }
        throw new IllegalStateException("No free port below " + below);
    }
}
