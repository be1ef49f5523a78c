package org.cartcompanion.e2e.outage;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.cartcompanion.e2e.outage.LongOutage.Outage;
import org.cartcompanion.e2e.system.Api;
import org.cartcompanion.e2e.system.CarTSystem.Service;
import org.cartcompanion.e2e.system.Scenario.Center;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * alert-service is down for five minutes while a hundred fevers are checked in (twenty patients, five each); when it returns,
 * every event queued in patient-service's outbox reaches it within 10 s (not after each event's backoff, which by then is
 * minutes), each patient's alert takes in all five, and each pages once.
 */
class AlertServiceOutageIT {

    private static Outage outage;

    @BeforeAll
    static void outageUnderWay() throws Exception {
        outage = LongOutage.begin().get(8, TimeUnit.MINUTES);
    }

    @AfterAll
    static void stop() throws Exception {
        if (outage != null) {
            outage.system().close();
        }
    }

    @Test
    void alertServiceDownFiveMinutesThenEveryQueuedEventIsDeliveredWithinTenSecondsOfItsReturn() throws Exception {
        long left = Duration.ofMinutes(5).minus(Duration.between(outage.stopped(), Instant.now())).toMillis();
        if (left > 0) {
            Thread.sleep(left);
        }
        outage.system().startService(Service.ALERT);
        outage.system().awaitReady(Service.ALERT, Duration.ofSeconds(90));
        Instant back = Instant.now();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> outage.patients().stream().allMatch(id -> events(id) == LongOutage.ROUNDS));
        Duration took = Duration.between(back, Instant.now());
        System.out.printf("e2e: alert-service down %d s; its %d queued events all delivered %d ms after it was ready%n",
                Duration.between(outage.stopped(), back).toSeconds(), LongOutage.ROUNDS * outage.patients().size(),
                took.toMillis());

        Center center = outage.center();
        await().atMost(Duration.ofSeconds(20)).until(() -> outage.mail().to(center.primaryEmail()).size() >= outage
                .patients().size());
        await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> true);
        assertThat("one page per patient, none twice", outage.mail().to(center.primaryEmail()),
                hasSize(outage.patients().size()));
        for (String id : outage.patients()) {
            assertThat(events(id), equalTo((long) LongOutage.ROUNDS));
            assertThat(Api.get(outage.scenario().alerts("/api/v1/alerts?patientId=" + id), center.coordinator())
                    .expect(200).json().get("items").size(), equalTo(1));
        }
    }

    /** How many check-ins the patient's alert has taken in: the one that opened it and those appended since. */
    private static long events(String patientId) {
        Center center = outage.center();
        String alert = Api.get(outage.scenario().alerts("/api/v1/alerts?patientId=" + patientId), center.coordinator())
                .expect(200).at("/items/0/id");
        List<String> types = new ArrayList<>();
        if (alert != null) {
            Api.get(outage.scenario().alerts("/api/v1/alerts/" + alert), center.coordinator()).expect(200).json()
                    .get("timeline").forEach(t -> types.add(t.get("type").asText()));
        }
        return types.stream().filter(t -> t.equals("OPENED") || t.equals("EVENT_APPENDED")).count();
    }
}
