package org.cartcompanion.alert.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.cartcompanion.alert.support.Scenario;
import org.cartcompanion.alert.support.Stubs;
import org.cartcompanion.alert.support.TestClock;
import org.cartcompanion.support.metrics.BacklogGauges;
import org.cartcompanion.support.testing.ScrapedMetrics;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;

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

    private static double count(ScrapedMetrics m, Map<String, String> labels) {
        return m.sum("cart_page_latency_seconds_count", labels);
    }

    private static double within(ScrapedMetrics m, Map<String, String> labels, String le) {
        Map<String, String> bucket = new HashMap<>(labels);
        bucket.put("le", le);
        return m.sum("cart_page_latency_seconds_bucket", bucket);
    }
}
