package org.cartcompanion.patient.seconddose.config;

import java.time.Duration;
import java.time.LocalTime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The daily reminder to record an obe-cel second dose (clinical-rules.md §10.4). */
@ConfigMapping(prefix = "patient.second-dose")
public interface SecondDoseConfig {

    /** How often patients whose second dose is overdue for recording are looked for; {@code off} disables the timer. */
    @WithDefault("15m")
    String checkEvery();

    /** The reminder goes out once a day from this time on, in the center's patient's time zone. */
    @WithDefault("08:00")
    LocalTime remindAt();

    /** A mail server that accepts the connection and then stalls fails the reminder after this long; it is tried again. */
    @WithDefault("PT30S")
    Duration sendTimeout();
}
