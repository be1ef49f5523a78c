package org.cartcompanion.patient.heartbeat.config;

import java.time.Duration;
import java.time.LocalTime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "patient.heartbeat")
public interface HeartbeatConfig {

    /** How often overdue check-ins are looked for. */
    @WithDefault("60s")
    String interval();

    /** After the reminder, how long without a check-in before the care team is alerted. */
    @WithDefault("PT2H")
    Duration escalateAfter();

    /** Reminders due in the patient's night wait until morning (patient's local time). */
    @WithDefault("22:00")
    LocalTime quietStart();

    /** End of the patient's night. */
    @WithDefault("07:00")
    LocalTime quietEnd();
}
