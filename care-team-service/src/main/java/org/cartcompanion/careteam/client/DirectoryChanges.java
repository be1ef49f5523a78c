package org.cartcompanion.careteam.client;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.oncall.service.OnCallCache;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.logging.Log;

/**
 * Tells routing here and alert-service that a center's paging directory changed (a rotation, shift, clinician, contact method
 * or the center's contact), after the change is committed: routing reads the center's on-call afresh, and alert-service's
 * stored copy is fresh before the next outage. Best effort, retried a few times: alert-service also refreshes every center on a
 * timer, which bounds how stale a lost notice leaves it.
 */
@ApplicationScoped
public class DirectoryChanges {

    private final AlertDirectoryClient alerts;
    private final OnCallCache onCall;

    public DirectoryChanges(@RestClient AlertDirectoryClient alerts, OnCallCache onCall) {
        this.alerts = alerts;
        this.onCall = onCall;
    }

    public void changed(UUID centerId) {
        onCall.changed(centerId);
        alerts.refresh(centerId)
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(8)).atMost(4)
                .subscribe().with(done -> {
                }, e -> Log.warnf("alert-service was not told that center %s's directory changed (%s); its timed refresh "
                        + "will take it", centerId, e.getClass().getSimpleName()));
    }
}
