package org.cartcompanion.alert.instances;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cartcompanion.support.testing.Ports;

/**
 * Starts packaged alert-service instances ({@code target/quarkus-app/quarkus-run.jar}, or the native executable of a
 * {@code -Dnative} build) as separate processes on one PostgreSQL, so tests can run several replicas and kill one with SIGKILL.
 */
final class Instances {

    record Instance(int port, Process process, Path log) {

        String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    private final Map<String, String> config;
    private final List<Instance> started = new ArrayList<>();
    private static final java.util.concurrent.atomic.AtomicInteger COUNT = new java.util.concurrent.atomic.AtomicInteger();

    Instances(Map<String, String> config) {
        this.config = config;
    }

    Instance start() throws IOException {
        int port = Ports.restartable();
        List<String> properties = new ArrayList<>();
        config.forEach((k, v) -> properties.add("-D" + k + "=" + v));
        properties.add("-Dquarkus.http.port=" + port);
        List<String> command = new ArrayList<>();
        // The native executable when the build made one (-Dnative; failsafe names it), else the packaged jar.
        String nativeImage = System.getProperty("native.image.path");
        if (nativeImage != null && Files.isExecutable(Path.of(nativeImage))) {
            command.add(nativeImage);
            command.addAll(properties);
        } else {
            Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException("Package the service first: " + jar.toAbsolutePath());
            }
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx256m");
            command.addAll(properties);
            command.add("-jar");
            command.add(jar.toString());
        }
        Path log = Path.of("target/it-logs/instance-" + COUNT.incrementAndGet() + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instance instance = new Instance(port, process, log);
        started.add(instance);
        return instance;
    }

    /** Waits until every instance answers ready. */
    static void awaitReady(Duration timeout, Instance... instances) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        for (Instance instance : instances) {
            while (!ready(instance)) {
                if (!instance.process().isAlive()) {
                    throw new IllegalStateException("Instance on " + instance.port() + " died; see " + instance.log());
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Instance on " + instance.port() + " not ready; see " + instance.log());
                }
                Thread.sleep(200);
            }
        }
    }

    private static boolean ready(Instance instance) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(instance.url() + "/q/health/ready").toURL()
                    .openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(1000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, no graceful anything. */
    static void kill(Instance instance) throws InterruptedException {
        instance.process().destroyForcibly();
        instance.process().waitFor();
    }

    void stopAll() throws InterruptedException {
        for (Instance instance : started) {
            instance.process().destroy();
        }
        for (Instance instance : started) {
            if (!instance.process().waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                instance.process().destroyForcibly();
            }
        }
        // The default build's jar also starts its (unused) embedded PostgreSQL, which an instance killed with SIGKILL
        // cannot stop: stop the ones that appeared while these instances ran, or they hold the service's local port.
        embeddedPostgres().filter(p -> !postgresBefore.contains(p.pid())).forEach(ProcessHandle::destroy);
    }

    private final java.util.Set<Long> postgresBefore = embeddedPostgres().map(ProcessHandle::pid)
            .collect(java.util.stream.Collectors.toSet());

    private static java.util.stream.Stream<ProcessHandle> embeddedPostgres() {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains("/embedded-pg/") && c.contains("/bin/postgres ")).orElse(false));
    }
}
