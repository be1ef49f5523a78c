package org.cartcompanion.patient.heartbeat.config;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import org.cartcompanion.patient.timeline.Phase;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "patient.heartbeat")
public interface HeartbeatConfig {

    /** How often overdue check-ins are looked for. */
    @WithDefault("60s")
    String interval();

    /**
     * The center's own check-in interval for a phase, in place of the clinical default (clinical-rules.md §6.2), e.g.
     * {@code patient.heartbeat.cadence.P4_LATE=P3D}. A check-in is due one interval after the last.
     */
    Map<Phase, Duration> cadence();

    /** After the reminder, how long without a check-in before the care team is alerted. */
    @WithDefault("PT2H")
    Duration escalateAfter();

    /** Reminders due in the patient's night wait until morning (patient's local time). Equal start and end: no quiet hours. */
    @WithDefault("22:00")
    LocalTime quietStart();

    /** End of the patient's night. */
    @WithDefault("07:00")
    LocalTime quietEnd();

    /** A mail server that accepts the connection and then stalls fails the reminder after this long; it is tried again. */
    @WithDefault("PT30S")
    Duration sendTimeout();
}
