package org.cartcompanion.careteam.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** care-team-service settings ({@code careteam.*}). */
@ConfigMapping(prefix = "careteam")
public interface CareTeamConfig {

    Handoff handoff();

    Mail mail();

    Links links();

    Routing routing();

    interface Handoff {
        /** A pending hand-off not accepted after this long is sent to the receiver again. */
        @WithDefault("PT48H")
        Duration remindAfter();

        /** A pending hand-off not accepted after this long expires and the center's coordinators are told. */
        @WithDefault("PT72H")
        Duration expireAfter();

        /** How often reminders, expiries and due hand-offs are looked for (a scheduler interval such as 60s). */
        @WithDefault("60s")
        String checkEvery();
    }

    interface Mail {
        /** How often the outbox is looked at for mail to send. */
        @WithDefault("2s")
        String sendEvery();

        /** The wait before the first retry after the relay refused or could not be reached; doubles each time. */
        @WithDefault("PT5S")
        Duration retryBase();

        /** The longest wait between retries. */
        @WithDefault("PT5M")
        Duration retryMax();

        /** A relay that has not taken a mail after this long (it accepted the connection and stalled) fails the attempt. */
        @WithDefault("PT30S")
        Duration sendTimeout();
    }

    interface Links {
        /** Where clinicians open the console; mail links point here. */
        @WithDefault("http://localhost:8083/console")
        String console();
    }

    interface Routing {
        /**
         * How long routing reuses a center's on-call as it read it (its schedule, the holders' contact methods, its hotline); a
         * change made through this replica counts at once, one made through another within this long. 0 reads it each time.
         */
        @WithDefault("PT2S")
        Duration onCallCacheTtl();
    }
}
