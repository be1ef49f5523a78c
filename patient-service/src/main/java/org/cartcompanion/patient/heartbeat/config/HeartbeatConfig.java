package org.cartcompanion.patient.heartbeat.config;

import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.cartcompanion.patient.timeline.Phase;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "patient.heartbeat")
public interface HeartbeatConfig {

    /** How often overdue check-ins are looked for. */
    @WithDefault("60s")
    String interval();

    /**
     * How many due patients one query of a pass reads; a pass reads batches until fewer come back (at most 20, so a pass that
     * keeps failing cannot loop).
     */
    @WithDefault("500")
    int batchSize();

    /** The deployment's own check-in interval per phase, for every center's patients. */
    Cadence cadence();

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

    /**
     * Check-in intervals in place of the clinical default (clinical-rules.md §6.2), each optional, e.g.
     * {@code patient.heartbeat.cadence.p4-late=P3D} ({@code PATIENT_HEARTBEAT_CADENCE_P4_LATE=P3D}). A check-in is due one
     * interval after the last.
     */
    interface Cadence {
        Optional<Duration> p0Pre();

        Optional<Duration> p1Acute();

        Optional<Duration> p2Early();

        Optional<Duration> p3Intermediate();

        Optional<Duration> p4Late();

        Optional<Duration> p5LongTerm();

        /** The intervals set, by phase. */
        default Map<Phase, Duration> overrides() {
            Map<Phase, Duration> set = new EnumMap<>(Phase.class);
            p0Pre().ifPresent(d -> set.put(Phase.P0_PRE, d));
            p1Acute().ifPresent(d -> set.put(Phase.P1_ACUTE, d));
            p2Early().ifPresent(d -> set.put(Phase.P2_EARLY, d));
            p3Intermediate().ifPresent(d -> set.put(Phase.P3_INTERMEDIATE, d));
            p4Late().ifPresent(d -> set.put(Phase.P4_LATE, d));
            p5LongTerm().ifPresent(d -> set.put(Phase.P5_LONG_TERM, d));
            return set;
        }
    }
}
