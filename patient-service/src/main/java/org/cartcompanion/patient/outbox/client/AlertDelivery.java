package org.cartcompanion.patient.outbox.client;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.outbox.config.OutboxConfig;
import org.cartcompanion.support.reactive.Deadlines;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

/**
 * Delivers one triage event to alert-service. Completes with null on a 2xx (alert-service has it), and with the reason
 * otherwise; never throws, so a failure is a row to retry rather than a crash.
 */
@ApplicationScoped
public class AlertDelivery {

    private final AlertServiceClient client;
    private final OutboxConfig config;

    public AlertDelivery(@RestClient AlertServiceClient client, OutboxConfig config) {
        this.client = client;
        this.config = config;
    }

    public Uni<String> deliver(String payload) {
        return Deadlines.within(config.deliveryTimeout(), () -> client.deliver(payload))
                .map(response -> {
                    int status = response.getStatus();
                    response.close();
                    return status / 100 == 2 ? null : "alert-service answered " + status;
                })
                .onFailure().recoverWithItem(e -> describe(e));
    }

    private static String describe(Throwable e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException web) {
            return "alert-service answered " + web.getResponse().getStatus();
        }
        String type = e.getClass().getSimpleName();
        return ("TimeoutException".equals(type) ? "no answer within the delivery timeout" : "not reachable: " + type);
    }
}
