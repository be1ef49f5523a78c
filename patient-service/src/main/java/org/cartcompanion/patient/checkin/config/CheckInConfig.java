package org.cartcompanion.patient.checkin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "patient.check-ins")
public interface CheckInConfig {

    /**
     * Check-ins in progress at once on this replica; more are answered 503 with Retry-After at once rather than queued for the
     * database (the phone sends them again with the same Idempotency-Key). A few per database connection.
     */
    @WithDefault("64")
    int maxInFlight();
}
