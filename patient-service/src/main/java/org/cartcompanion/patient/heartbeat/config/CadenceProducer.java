package org.cartcompanion.patient.heartbeat.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.cartcompanion.patient.timeline.CheckInCadence;

import io.quarkus.runtime.Startup;

/**
 * The check-in cadence in force: the clinical default with the deployment's own intervals in place of it. Made at start, so a
 * bad interval stops the service there rather than failing every heartbeat pass later.
 */
public class CadenceProducer {

    @Produces
    @Singleton
    @Startup
    CheckInCadence cadence(HeartbeatConfig config) {
        return new CheckInCadence(config.cadence().overrides());
    }
}
