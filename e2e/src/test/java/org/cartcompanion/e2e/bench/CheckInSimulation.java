package org.cartcompanion.e2e.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Open-model load on {@code POST /api/v1/patients/{id}/check-ins}: new check-ins arrive at a constant rate whatever the
 * latency, each with its own Idempotency-Key, for the benchmark's patients in turn; one in five is a fever (alert-worthy, so it also writes an outbox event).
 * Configured by system properties set by {@code e2e/bench/checkin-bench.sh}.
 */
public class CheckInSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("bench.baseUrl", "http://localhost:8081");
    /** "patientId token" lines (DemoTool patients): each check-in is for the next patient, as a hospital's are spread. */
    private static final List<String[]> PATIENTS = patients(System.getProperty("bench.patients", ""));
    private static final AtomicLong NEXT = new AtomicLong();
    private static final int FEBRILE = 50;
    private static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "50"));
    private static final int SECONDS = Integer.parseInt(System.getProperty("bench.seconds", "60"));

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            .shareConnections();

    private static final int WARM_UP_SECONDS = Integer.parseInt(System.getProperty("bench.warmUpSeconds", "10"));
    static final String MEASURED = "POST check-in";

    private final ScenarioBuilder warmUp = checkIns("warm-up", "warm-up check-in");
    private final ScenarioBuilder checkIns = checkIns("check-in", MEASURED);

    {
        // The warm-up runs at the same rate under another request name, so the figures of the measured run do not
        // include this JVM's own start (JIT, first connections), which on two shared cores costs a few hundred ms.
        setUp(warmUp.injectOpen(constantUsersPerSec(RATE).during(Duration.ofSeconds(WARM_UP_SECONDS)))
                .andThen(checkIns.injectOpen(constantUsersPerSec(RATE).during(Duration.ofSeconds(SECONDS)))))
                .protocols(protocol)
                // The actual values of these lines are what the benchmark script prints: the measured run's alone, not the
                // warm-up's.
                .assertions(details(MEASURED).failedRequests().percent().lt(1.0),
                        details(MEASURED).responseTime().percentile(50.0).lte(50),
                        details(MEASURED).responseTime().percentile(99.0).lte(50));
    }

    private static ScenarioBuilder checkIns(String scenario, String request) {
        return scenario(scenario)
                .exec(session -> {
                    boolean fever = ThreadLocalRandom.current().nextInt(5) == 0;
                    long next = NEXT.getAndIncrement();
                    // Fevers from the first FEBRILE patients (appended to their open alerts), as in checkin-bench.sh's wrk runs.
                    String[] patient = PATIENTS.get((int) (fever ? next % Math.min(FEBRILE, PATIENTS.size())
                            : next % PATIENTS.size()));
                    return session.set("key", UUID.randomUUID().toString()).set("body", body(fever))
                            .set("patient", patient[0]).set("token", patient[1]);
                })
                .exec(http(request).post("/api/v1/patients/#{patient}/check-ins")
                        .header("Authorization", "Bearer #{token}")
                        .header("Idempotency-Key", "#{key}")
                        .body(StringBody("#{body}"))
                        .check(status().is(201)));
    }

    private static List<String[]> patients(String file) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> !l.isBlank()).map(l -> l.trim().split(" ")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("bench.patients must name the file DemoTool patients wrote", e);
        }
    }

    private static String body(boolean fever) {
        double temperature = fever ? 38.4 : 36.8;
        return """
                {"recordedAt":"%s","temperature":{"value":%s,"unit":"C","method":"ORAL"},"antipyreticLast6h":false,
                 "vitals":{"spo2":97,"heartRate":88},"symptoms":%s}"""
                .formatted(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5), temperature, fever ? "[\"RIGORS\"]" : "[]");
    }
}
