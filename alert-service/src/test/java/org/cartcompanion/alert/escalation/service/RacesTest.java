package org.cartcompanion.alert.escalation.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.cartcompanion.alert.notification.service.NotificationDispatcher;
import org.cartcompanion.alert.support.Scenario;
import org.cartcompanion.alert.support.TestClock;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;

/** Steps and sends racing each other: each step fires once, and nothing is sent after an acknowledgement. */
@QuarkusTest
class RacesTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    EscalationPoller poller;

    @Inject
    NotificationDispatcher dispatcher;

    @Test
    void pollersRacingOnOneDueAlertPageOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 3; round++) {
                Scenario s = new Scenario(mailbox);
                s.deliver("CENTER_NOW");
                s.awaitMails(s.primary.email(), 1);
                TestClock.advance(Duration.ofMinutes(5).plusSeconds(1));
                // Three passes at once, besides this instance's own scheduled one.
                List<Future<Boolean>> racers = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    racers.add(pool.submit((Callable<Boolean>) () -> onContext(poller::pass)));
                }
                for (Future<Boolean> racer : racers) {
                    racer.get();
                }
                s.awaitMails(s.backup.email(), 1);
                await().pollDelay(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(13)).until(() -> true);
                assertThat(s.mailsTo(s.backup), hasSize(1));
                JsonPath alert = s.alert();
                assertThat(alert.getInt("level"), equalTo(2));
                long levelTwo = alert.getList("timeline.detail", String.class).stream()
                        .filter(d -> d.startsWith("Level 2 paged")).count();
                assertThat(levelTwo, equalTo(1L));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAcknowledgementDuringSendsMeansNothingIsSentAfterIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                Scenario s = new Scenario(mailbox);
                s.deliver("CENTER_NOW");
                String id = s.alert().getString("id");
                // The acknowledgement and the sends race; the sends take the alert's row shared, the acknowledgement
                // takes it exclusively, so every page is either sent before the acknowledgement or cancelled.
                Future<Boolean> sends = pool
                        .submit((Callable<Boolean>) () -> onContext(dispatcher::pass));
                given().auth().oauth2(s.token(s.backup, "clinician")).post("/api/v1/alerts/" + id + "/acknowledge").then()
                        .statusCode(200);
                sends.get();
                await().pollDelay(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(13)).until(() -> true);
                JsonPath alert = s.alert(id);
                OffsetDateTime acknowledgedAt = OffsetDateTime.parse(alert.getString("acknowledgedAt"));
                List<String> types = alert.getList("timeline.type");
                List<String> times = alert.getList("timeline.at");
                List<String> details = alert.getList("timeline.detail");
                String timeline = alert.getList("timeline").toString();
                int notified = 0;
                for (int i = 0; i < types.size(); i++) {
                    // Pages to clinicians; the patient is told of the acknowledgement after it, as they should be.
                    if (types.get(i).equals("NOTIFIED") && !details.get(i).startsWith("PATIENT_")) {
                        notified++;
                        assertThat("acknowledged at " + acknowledgedAt + ", timeline " + timeline,
                                OffsetDateTime.parse(times.get(i)).compareTo(acknowledgedAt), lessThanOrEqualTo(0));
                    }
                }
                assertThat(s.mailsTo(s.primary), hasSize(notified));
                // And nothing follows later either.
                TestClock.advance(Duration.ofMinutes(6));
                await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(13)).until(() -> true);
                assertThat(s.mailsTo(s.primary), hasSize(notified));
                assertThat(s.mailsTo(s.backup), hasSize(0));
                given().auth().oauth2(s.token(s.backup, "clinician")).contentType(ContentType.JSON)
                        .body("{\"outcome\":\"FALSE_ALARM\"}").post("/api/v1/alerts/" + id + "/resolve").then()
                        .statusCode(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Boolean onContext(Supplier<Uni<Boolean>> pass) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(pass);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
