package org.cartcompanion.patient.app.service;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.cartcompanion.patient.app.client.AlertApi;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.reactive.Deadlines;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The phone's view of a patient's alerts, read from alert-service with the user's own token (the app's page may only reach its
 * own service): alert-service's refusals come through with their status; a service that does not answer is a 503, which the
 * phone shows as "status unknown" and asks again.
 */
@ApplicationScoped
public class AppAlerts {

    /** The newest few: the one a check-in just opened or joined is among them. */
    private static final int RECENT = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final AlertApi alerts;

    public AppAlerts(@RestClient AlertApi alerts) {
        this.alerts = alerts;
    }

    public Uni<JsonNode> recent(String bearer, UUID patientId) {
        return Deadlines.<JsonNode> within(TIMEOUT, () -> alerts.list(bearer, patientId.toString(), RECENT))
                .onFailure().transform(e -> {
                    if (e instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
                        int status = w.getResponse().getStatus();
                        return new ProblemException(status, "upstream",
                                status == 404 ? "Patient not found." : "alert-service refused the request.");
                    }
                    Log.debugf("app: alert-service did not answer: %s", e.toString());
                    return new ProblemException(503, "service-unavailable",
                            "The alert's status cannot be read right now. Try again shortly.");
                });
    }
}
