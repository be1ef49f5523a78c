package org.cartcompanion.alert.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.cartcompanion.alert.support.Scenario;
import org.cartcompanion.support.testing.SmtpRelay;
import org.cartcompanion.support.testing.SmtpRelayResource;
import org.cartcompanion.support.testing.StalledRelay;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** With a real SMTP server that goes away and comes back hung: pages are retried with backoff and sent once it works. */
@QuarkusTest
@TestProfile(SmtpDownTest.RealSmtp.class)
class SmtpDownTest {

    private static SmtpRelay smtp() {
        return SmtpRelayResource.relay();
    }

    public static class RealSmtp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.mock", "false", "alert.delivery.backoff-base", "PT0.2S",
                    "alert.delivery.backoff-max", "PT1S", "alert.delivery.send-timeout", "PT3S");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SmtpRelayResource.class));
        }
    }

    private static long failures(Scenario s, String reason) {
        return s.alert().getList("timeline", Map.class).stream()
                .filter(e -> "NOTIFICATION_FAILED".equals(e.get("type")) && String.valueOf(e.get("detail")).contains(reason))
                .count();
    }

    @Test
    void pagesAreRetriedWhileSmtpIsDownOrHungAndSentOnceWhenItWorks() throws IOException {
        Scenario s = new Scenario(null);
        smtp().stop();
        s.deliver("EMERGENCY", "E2");
        await().atMost(Duration.ofSeconds(15)).until(() -> failures(s, "Connection refused") >= 3);

        // The relay is back but hangs after accepting the connection: each attempt fails after the send timeout.
        try (StalledRelay stalled = smtp().hang()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> failures(s, "within the send timeout") >= 2);
            assertThat(stalled.connections(), greaterThanOrEqualTo(1));
        }

        smtp().start();
        await().atMost(Duration.ofSeconds(15)).until(() -> smtp().received(s.primary.email()) >= 1);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(14)).until(() -> true);
        assertThat(smtp().received(s.primary.email()), equalTo(1L));
        JsonPath alert = s.alert();
        List<String> types = alert.getList("timeline.type");
        assertThat(types, hasItem("NOTIFIED"));
        assertThat(types.stream().filter("NOTIFIED"::equals).count(), equalTo(1L));
        assertThat(types.stream().filter("NOTIFICATION_FAILED"::equals).count(), greaterThanOrEqualTo(3L));
    }
}
