package org.cartcompanion.e2e.outage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.cartcompanion.e2e.system.CarTSystem;
import org.cartcompanion.e2e.system.CarTSystem.Service;
import org.cartcompanion.e2e.system.Mailbox;
import org.cartcompanion.e2e.system.Scenario;
import org.cartcompanion.e2e.system.Scenario.Center;

/**
 * The first half of the five-minute alert-service outage, begun in the background as early as possible (when the suite starts,
 * see {@link StartLongOutageEarly}) so that its wait overlaps the other scenarios: a system of its own with the deployment's
 * retry settings, one center, twenty patients, alert-service killed, and a hundred fever check-ins taken while it is away.
 */
final class LongOutage {

    static final int PATIENTS = 20;
    static final int ROUNDS = 5;
    static final String FEVER = """
            {"recordedAt":"%s","temperature":{"value":38.7,"unit":"C","method":"ORAL"},"symptoms":["RIGORS"]}""";

    record Outage(CarTSystem system, Mailbox mail, Scenario scenario, Center center, List<String> patients,
            Instant stopped) {
    }

    private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "e2e-long-outage");
        t.setDaemon(true);
        return t;
    });
    private static CompletableFuture<Outage> outage;

    private LongOutage() {
    }

    /** Starts the outage unless it has started. */
    static synchronized CompletableFuture<Outage> begin() {
        if (outage == null) {
            outage = CompletableFuture.supplyAsync(LongOutage::goDown, BACKGROUND);
        }
        return outage;
    }

    private static Outage goDown() {
        try {
            CarTSystem system = CarTSystem.start(Map.of());
            try {
                Mailbox mail = new Mailbox(system);
                Scenario scenario = new Scenario(system, mail);
                Center center = scenario.center(600);
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < PATIENTS; i++) {
                    ids.add(scenario.enroll(center, subject(center, i), 6));
                }
                system.stopService(Service.ALERT, true);
                Instant stopped = Instant.now();
                for (int round = 0; round < ROUNDS; round++) {
                    for (int i = 0; i < ids.size(); i++) {
                        scenario.checkIn(ids.get(i), system.tokens().token(subject(center, i), "patient"),
                                FEVER.formatted(OffsetDateTime.now())).expect(201);
                    }
                }
                return new Outage(system, mail, scenario, center, ids, stopped);
            } catch (Exception | Error e) {
                system.close();
                throw e;
            }
        } catch (Exception e) {
            throw new IllegalStateException("the outage system did not start", e);
        }
    }

    private static String subject(Center center, int i) {
        return "outage-" + center.tag() + "-" + i;
    }
}
