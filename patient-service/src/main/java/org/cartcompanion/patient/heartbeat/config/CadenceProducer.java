package org.cartcompanion.patient.heartbeat.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.cartcompanion.patient.timeline.CheckInCadence;

/** The check-in cadence in force: the clinical default with the center's own intervals in place of it. */
public class CadenceProducer {

    @Produces
    @Singleton
    CheckInCadence cadence(HeartbeatConfig config) {
        return new CheckInCadence(config.cadence());
    }
}
