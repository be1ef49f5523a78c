package org.cartcompanion.patient.outbox.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.cartcompanion.support.work.Refusal;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

/**
 * Delivers one triage event to alert-service. Completes on a 2xx (alert-service has it); otherwise fails with a {@link Refusal}
 * naming the reason ("alert-service answered 503", "not reachable: ConnectException"), which the relay records on the event
 * before it retries. The relay's deadline bounds the call.
 */
@ApplicationScoped
public class AlertDelivery {

    private final AlertServiceClient client;

    public AlertDelivery(@RestClient AlertServiceClient client) {
        this.client = client;
    }

    public Uni<Void> deliver(String payload) {
        return Uni.createFrom().deferred(() -> client.deliver(payload))
                .onFailure(e -> !(e instanceof io.smallrye.mutiny.TimeoutException)).transform(AlertDelivery::refusal)
                .flatMap(response -> {
                    int status = response.getStatus();
                    response.close();
                    return status / 100 == 2 ? Uni.createFrom().voidItem()
                            : Uni.createFrom().failure(new Refusal("alert-service answered " + status));
                });
    }

    private static Throwable refusal(Throwable e) {
        if (e instanceof WebApplicationException web) {
            return new Refusal("alert-service answered " + web.getResponse().getStatus());
        }
        return new Refusal("not reachable: " + e.getClass().getSimpleName());
    }
}
