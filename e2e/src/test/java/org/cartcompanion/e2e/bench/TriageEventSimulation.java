package org.cartcompanion.e2e.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Open-model load on alert-service's intake: triage events arrive at a constant rate, each for a new patient, so each opens
 * an alert and pages its first level at once. Configured by system properties set by {@code e2e/bench/alert-bench.sh}.
 */
public class TriageEventSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("bench.baseUrl", "http://localhost:8082");
    private static final String TOKEN = System.getProperty("bench.token", "");
    private static final String CENTER = System.getProperty("bench.centerId", "");
    private static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "100"));
    private static final int SECONDS = Integer.parseInt(System.getProperty("bench.seconds", "30"));

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .authorizationHeader("Bearer " + TOKEN)
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            .shareConnections();

    private final ScenarioBuilder events = scenario("triage event")
            .exec(session -> session.set("body", body()))
            .exec(http("POST triage event").post("/internal/v1/triage-events")
                    .body(StringBody("#{body}"))
                    .check(status().is(202)));

    {
        setUp(events.injectOpen(constantUsersPerSec(RATE).during(Duration.ofSeconds(SECONDS))))
                .protocols(protocol)
                .assertions(global().failedRequests().percent().lt(1.0));
    }

    private static String body() {
        return """
                {"eventId":"%s","patientId":"%s","centerId":"%s","checkInId":"%s","disposition":"CENTER_NOW",
                 "firedRules":["FEVER_P1","RIGORS_P1"],"dayPostInfusion":5,"phase":"P1_ACUTE",
                 "summary":"38.6 °C oral; RIGORS","occurredAt":"%s","product":"AXI_CEL","patientPhone":"+15550123",
                 "language":"en","centerPhone":"+15550199"}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), CENTER, UUID.randomUUID(),
                        OffsetDateTime.now(ZoneOffset.UTC));
    }
}
