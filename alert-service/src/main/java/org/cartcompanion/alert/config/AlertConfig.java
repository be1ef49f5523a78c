package org.cartcompanion.alert.config;

import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "alert")
public interface AlertConfig {

    Escalation escalation();

    Delivery delivery();

    Links links();

    Lookups directory();

    AckLink ackLink();

    Sms sms();

    /**
     * SMS and voice calls through a Twilio-compatible HTTP API. Off until the account, token and number are all set; then
     * clinicians' SMS and VOICE contact methods are used (until then they are paged by email).
     */
    interface Sms {

        /** The provider's API root (Twilio's, or any provider speaking its API). */
        @WithDefault("https://api.twilio.com")
        String baseUrl();

        /** The account (basic auth user and part of every resource's path). */
        Optional<String> accountSid();

        /** The account's auth token: basic auth password, and the key the provider signs its callbacks with. */
        Optional<String> authToken();

        /** The number SMS and calls come from, E.164. */
        Optional<String> from();

        /** The public URL of {@code POST /api/v1/sms/inbound} as the provider calls it: its signatures cover it. */
        Optional<String> inboundUrl();

        /**
         * The public URL of {@code POST /api/v1/voice/gather} as the provider calls it; by default the inbound URL with
         * {@code /sms/inbound} in place of {@code /voice/gather}.
         */
        Optional<String> voiceUrl();

        /** How long one call to the provider may take. */
        @WithDefault("PT5S")
        Duration timeout();
    }

    interface AckLink {

        /**
         * The acknowledge links' HMAC key ({@code ALERT_ACK_LINK_SECRET}): its own secret, at least 32 characters; required,
         * the service does not start without it.
         */
        @NotBlank
        @jakarta.validation.constraints.Size(min = 32)
        String secret();
    }

    interface Lookups {

        /** Membership, care teams and a subject's patients are cached this long (seconds, not minutes). */
        @WithDefault("PT10S")
        Duration cacheTtl();

        /** Routing (who is on call) is cached this long. */
        @WithDefault("PT2S")
        Duration routingCacheTtl();

        /** How long one call to another service may take. */
        @WithDefault("PT3S")
        Duration timeout();

        /**
         * After care-team-service could not be reached, routing is not asked for this long (steps use the stored directory).
         */
        @WithDefault("PT5S")
        Duration unreachableFor();

        /** How often every center's paging directory is refreshed from care-team-service (also refreshed when it changes). */
        @WithDefault("60s")
        String refreshInterval();
    }

    interface Escalation {

        /** How often every replica's poller looks for due alerts (each step is taken by one replica: rows are locked). */
        @WithDefault("1s")
        String pollInterval();

        /** Alerts taken per poller pass. */
        @WithDefault("50")
        int batchSize();

        /** How many of them a pass steps at once (each in its own transaction). */
        @WithDefault("8")
        int concurrency();

        /** The default policy (a center that saved none): how long the primary, then the backup, has to acknowledge ... */
        @WithDefault("PT5M")
        Duration defaultAckTimeout();

        /** ... and how often the chain runs again before the fallback is paged. */
        @WithDefault("1")
        int defaultRepeat();

        /** A step that fails is retried on its own alert after this long, doubled on each failure ... */
        @WithDefault("PT1S")
        Duration retryBase();

        /** ... up to this long between two attempts. */
        @WithDefault("PT30S")
        Duration retryMax();

        /** After this many failed attempts of a step in a row ... */
        @WithDefault("3")
        int fallbackAfterAttempts();

        /** ... or this long since its first failure, whichever comes first, the fallback address is paged. */
        @WithDefault("PT60S")
        Duration fallbackAfter();

        /** An open alert whose step is this late is flagged (timeline entry and metric) by the overdue scan. */
        @WithDefault("PT60S")
        Duration overdueAfter();

        /** How often the overdue scan runs. */
        @WithDefault("15s")
        String overdueScanInterval();

        /**
         * The deployment's last-resort address, paged when neither the policy nor the center names one (the hospital's operator
         * or switchboard). Required: the service does not start without it outside dev and test.
         */
        @Email
        @NotBlank
        String defaultFallbackEmail();
    }

    interface Delivery {

        /** How often every replica's dispatcher looks for notifications to send or retry. */
        @WithDefault("1s")
        String pollInterval();

        /** Notifications taken per dispatcher pass. */
        @WithDefault("20")
        int batchSize();

        /** How many dispatcher passes may run at once in one replica (each locks its own rows). */
        @WithDefault("4")
        int concurrency();

        /** Delay before the first retry of a failed delivery; doubled on each failure. */
        @WithDefault("PT1S")
        Duration backoffBase();

        /** The longest delay between two attempts; a page is retried until it is sent or no longer wanted. */
        @WithDefault("PT1M")
        Duration backoffMax();

        /** How long one send may take before it counts as failed. */
        @WithDefault("PT10S")
        Duration sendTimeout();
    }

    interface Links {

        /** The address clinicians reach this service at (acknowledge links in emails). */
        @WithDefault("http://localhost:8082")
        String publicUrl();

        /** The on-call console (care-team-service), linked from every email. */
        @WithDefault("http://localhost:8083/console")
        String consoleUrl();

        /** How long an acknowledge link works. */
        @WithDefault("PT24H")
        Duration ackLinkLifetime();
    }
}
