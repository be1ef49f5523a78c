package org.cartcompanion.alert.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.cartcompanion.alert.support.AlertBacklogs;
import org.cartcompanion.alert.support.Scenario;
import org.cartcompanion.alert.support.Stubs;
import org.cartcompanion.alert.support.TestClock;
import org.cartcompanion.support.metrics.Backlog;
import org.cartcompanion.support.metrics.BacklogGauges;
import org.cartcompanion.support.testing.ScrapedMetrics;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What the operations team watches (issue 19): a page held up by its channel shows as a growing notification backlog and, once
 * sent, as a late page; an alert's first page counts from the intake; escalation steps count their lateness.
 */
@QuarkusTest
class PagingMetricsTest {

    private static final String MESSAGES = "/2010-04-01/Accounts/" + Stubs.SMS_ACCOUNT + "/Messages.json";
    private static final Map<String, String> SMS_PAGE = Map.of("channel", "SMS", "purpose", "PAGE");
    private static final Map<String, String> EMAIL_PAGE = Map.of("channel", "EMAIL", "purpose", "PAGE");

    @Inject
    MockMailbox mailbox;

    @Inject
    BacklogGauges backlogs;

    @Inject
    Pool pool;

    @Test
    void aPageHeldUpByItsChannelShowsInTheBacklogThenAsALatePage() {
        Scenario s = new Scenario(mailbox).wokenBy(List.of("SMS 0"), List.of("SMS 0"));
        StubMapping down = Stubs.server().stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(1)
                .withRequestBody(containing("To=" + URLEncoder.encode(s.primary.phone(), StandardCharsets.UTF_8)))
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
        ScrapedMetrics before = ScrapedMetrics.read();
        s.deliver("CENTER_NOW");
        String id = s.alert().getString("id");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> s.alert(id).getList("timeline.type").contains("NOTIFICATION_FAILED"));
        TestClock.advance(Duration.ofSeconds(90));
        backlogs.readNow().await().atMost(Duration.ofSeconds(5));
        ScrapedMetrics waiting = ScrapedMetrics.read();
        assertThat(waiting.sum("cart_backlog_rows", Map.of("backlog", "notification")), greaterThanOrEqualTo(1.0));
        assertThat("the page has waited the 90 s", waiting.sum("cart_backlog_oldest_age_seconds",
                Map.of("backlog", "notification")), greaterThanOrEqualTo(90.0));

        Stubs.server().removeStub(down);
        await().atMost(Duration.ofSeconds(20)).until(() -> s.alert(id).getList("timeline.detail", String.class).stream()
                .anyMatch(d -> d.startsWith("PAGE sms sent to " + s.primary.name())));
        ScrapedMetrics after = ScrapedMetrics.read();
        double counted = count(after, SMS_PAGE) - count(before, SMS_PAGE);
        assertThat("the SMS page counted", counted, greaterThanOrEqualTo(1.0));
        assertThat("as more than a minute after it was due", counted
                - (within(after, SMS_PAGE, "60.0") - within(before, SMS_PAGE, "60.0")), greaterThanOrEqualTo(1.0));
        assertThat("escalation steps are timed", after.sum("cart_escalation_lateness_seconds_count", Map.of()),
                greaterThanOrEqualTo(before.sum("cart_escalation_lateness_seconds_count", Map.of()) + 1));
    }

    @Test
    void anAlertsFirstPageCountsFromTheIntakeAndTheNextLevelFromItsDueTime() {
        Scenario s = new Scenario(mailbox);
        onlyThisPatientsWorkIsDue(s.patientId);
        ScrapedMetrics before = ScrapedMetrics.read();
        s.deliver("CENTER_NOW", "FEVER_P1");
        s.awaitMails(s.primary.email(), 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> count(ScrapedMetrics.read(), EMAIL_PAGE) > count(before, EMAIL_PAGE));
        ScrapedMetrics first = ScrapedMetrics.read();
        assertThat("the first page within a second of the intake", within(first, EMAIL_PAGE, "1.0")
                - within(before, EMAIL_PAGE, "1.0"), greaterThanOrEqualTo(1.0));
        double lateSteps = first.sum("cart_escalation_lateness_seconds_count", Map.of());

        TestClock.advance(Duration.ofMinutes(5).plusSeconds(1));
        s.awaitMails(s.backup.email(), 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> count(ScrapedMetrics.read(), EMAIL_PAGE) > count(first, EMAIL_PAGE));
        ScrapedMetrics second = ScrapedMetrics.read();
        // Counted from the intake five minutes before, the backup's page would fall outside the minute.
        double counted = count(second, EMAIL_PAGE) - count(first, EMAIL_PAGE);
        assertThat(counted, greaterThanOrEqualTo(1.0));
        assertThat("every page since counts from its level's due time", within(second, EMAIL_PAGE, "60.0")
                - within(first, EMAIL_PAGE, "60.0"), equalTo(counted));
        assertThat(second.sum("cart_escalation_lateness_seconds_count", Map.of()), greaterThanOrEqualTo(lateSteps + 1));
    }

    @Test
    void anAlertAcknowledgedWhileItsStepWasFailingOwesNoStepSoNothingCountsAsLate() {
        Scenario s = new Scenario(mailbox);
        s.deliver("CENTER_NOW");
        s.awaitMails(s.primary.email(), 1);
        String id = s.alert().getString("id");
        // A step failing for 30 s (as while routing is down), its retry an hour away so the poller leaves it be.
        Instant now = TestClock.now();
        pool.preparedQuery("UPDATE alert SET step_attempts = 2, step_failing_since = $2, step_error = 'routing down', "
                + "next_step_at = $3 WHERE id = $1").executeAndAwait(Tuple.of(UUID.fromString(id),
                        now.minusSeconds(30).atOffset(ZoneOffset.UTC), now.plusSeconds(3600).atOffset(ZoneOffset.UTC)));
        assertThat("late before the acknowledgement", lateSteps(id, now), equalTo(1L));

        given().auth().oauth2(s.token(s.primary, "clinician")).post("/api/v1/alerts/" + id + "/acknowledge").then()
                .statusCode(200);
        assertThat("the failure run ended with the acknowledgement", failingSince(id), nullValue());
        assertThat("not waiting for a step, nor counted late", lateSteps(id, TestClock.now()), equalTo(0L));
    }

    /** Whether the alert is in the escalation backlog, by the backlog's own condition. */
    private long lateSteps(String id, Instant at) {
        Backlog escalation = new AlertBacklogs().backlogs().stream().filter(b -> b.name().equals("escalation")).findFirst()
                .orElseThrow();
        return pool.preparedQuery("SELECT count(*) FROM " + escalation.table() + " WHERE (" + escalation.waiting()
                + ") AND id = $2").executeAndAwait(Tuple.of(at.atOffset(ZoneOffset.UTC), UUID.fromString(id))).iterator()
                .next().getLong(0);
    }

    @Test
    void aBacklogThatCannotBeReadShowsAsStaleAndDoesNotHoldBackTheOthers() {
        backlogs.readNow().await().atMost(Duration.ofSeconds(5));
        ScrapedMetrics first = ScrapedMetrics.read();
        TestClock.advance(Duration.ofSeconds(30));
        Instant readFrom = TestClock.now();
        backlogs.readNow().await().atMost(Duration.ofSeconds(5));
        Instant readBy = TestClock.now();
        ScrapedMetrics second = ScrapedMetrics.read();
        Map<String, String> unreadable = Map.of("backlog", "test-unreadable");
        Map<String, String> readable = Map.of("backlog", "test-readable");
        double readAt = second.sum("cart_backlog_read_timestamp_seconds", readable);
        assertThat("read at the clock's time", readAt, both(greaterThanOrEqualTo(readFrom.toEpochMilli() / 1000.0 - 0.001))
                .and(lessThanOrEqualTo(readBy.toEpochMilli() / 1000.0 + 0.001)));
        assertThat("the backlog after the failed one was read again",
                second.sum("cart_backlog_read_timestamp_seconds", readable)
                        - first.sum("cart_backlog_read_timestamp_seconds", readable),
                greaterThanOrEqualTo(30.0));
        assertThat("the failed one's timestamp stays behind for a rule to see",
                second.sum("cart_backlog_read_timestamp_seconds", unreadable),
                equalTo(first.sum("cart_backlog_read_timestamp_seconds", unreadable)));
    }

    /**
     * The test jumps the clock by five minutes: the other tests' alerts left escalating would all be taken at the jump and
     * count as minutes late. They are parked, as are their notifications not yet sent, so the figures are this patient's alone.
     */
    private void onlyThisPatientsWorkIsDue(UUID patientId) {
        // The alerts first: the update waits for a step in flight, whose pages are then cancelled with the rest.
        pool.preparedQuery("UPDATE alert SET next_step_at = NULL WHERE patient_id <> $1").executeAndAwait(Tuple.of(patientId));
        pool.preparedQuery("UPDATE notification SET status = 'CANCELLED' WHERE status = 'PENDING' AND alert_id IN "
                + "(SELECT id FROM alert WHERE patient_id <> $1)").executeAndAwait(Tuple.of(patientId));
    }

    private OffsetDateTime failingSince(String id) {
        Row row = pool.preparedQuery("SELECT step_failing_since FROM alert WHERE id = $1")
                .executeAndAwait(Tuple.of(UUID.fromString(id))).iterator().next();
        return row.getOffsetDateTime("step_failing_since");
    }

    private static double count(ScrapedMetrics m, Map<String, String> labels) {
        return m.sum("cart_page_latency_seconds_count", labels);
    }

    private static double within(ScrapedMetrics m, Map<String, String> labels, String le) {
        Map<String, String> bucket = new HashMap<>(labels);
        bucket.put("le", le);
        return m.sum("cart_page_latency_seconds_bucket", bucket);
    }
}
