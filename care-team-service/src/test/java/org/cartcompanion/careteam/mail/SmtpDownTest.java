package org.cartcompanion.careteam.mail;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cartcompanion.careteam.support.Fixtures;
import org.cartcompanion.careteam.support.Fixtures.Person;
import org.cartcompanion.careteam.support.OtherServices;
import org.cartcompanion.support.testing.SmtpRelay;
import org.cartcompanion.support.testing.SmtpRelayResource;
import org.cartcompanion.support.testing.StalledRelay;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;

/**
 * With a real SMTP server that goes away and comes back hung: hand-off mail waits in the outbox, is retried, and is sent once
 * the relay works again.
 */
@QuarkusTest
@TestProfile(SmtpDownTest.RealSmtp.class)
class SmtpDownTest {

    private static SmtpRelay smtp() {
        return SmtpRelayResource.relay();
    }

    public static class RealSmtp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.mock", "false", "careteam.mail.retry-base", "PT0.2S", "careteam.mail.retry-max",
                    "PT1S", "careteam.mail.send-every", "0.5s", "careteam.mail.send-timeout", "PT3S");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SmtpRelayResource.class));
        }
    }

    /** The attempts and last error of the unsent mail to {@code address}; none: 0 and null. */
    private static Object[] unsent(String address) {
        try {
            List<Object[]> rows = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .flatMap(session -> session.createSelectionQuery(
                            "select m.attempts, m.lastError from OutboxMail m where m.recipient = :to and m.sentAt is null",
                            Object[].class).setParameter("to", address).getResultList())));
            return rows.isEmpty() ? new Object[] { 0, null } : rows.get(0);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    private static int attempts(String address) {
        return (Integer) unsent(address)[0];
    }

    @Test
    void mailIsRetriedWhileSmtpIsDownOrHungAndSentOnceWhenItWorks() throws IOException {
        String center = Fixtures.createCenter();
        Person coordinator = Fixtures.person(center, "COORDINATOR");
        Person community = Fixtures.person(center, "COMMUNITY_PHYSICIAN");
        UUID patient = OtherServices.patient(center, 40);
        String address = community.subject() + "@example.org";
        smtp().stop();

        Fixtures.handoff(coordinator, patient, community, "SHARED");
        await().atMost(Duration.ofSeconds(20)).until(() -> attempts(address) >= 3);

        // The relay is back but hangs after accepting the connection: each attempt fails after the send timeout.
        int refused = attempts(address);
        try (StalledRelay stalled = smtp().hang()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> attempts(address) >= refused + 2);
            assertThat(String.valueOf(unsent(address)[1]), containsString("within the send timeout"));
            assertThat(stalled.connections(), greaterThanOrEqualTo(1));
        }

        smtp().start();
        await().atMost(Duration.ofSeconds(15)).until(() -> smtp().received(address) >= 1);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(14)).until(() -> true);
        assertThat(smtp().received(address), equalTo(1L));
        assertThat(attempts(address), equalTo(0));
    }
}
