package org.cartcompanion.alert.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.notification.WebhookDelivery;
import org.cartcompanion.support.work.DueRows;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    private static final String DUE = DueRows.claim("webhook_delivery", "status = 'PENDING' AND next_attempt_at <= :now",
            "next_attempt_at");

    /** Deliveries due for a (first or next) attempt that no other dispatcher holds, locked for this transaction. */
    public Uni<List<WebhookDelivery>> lockDue(Instant now, int limit) {
        return DueRows.list(WebhookDelivery.class, DUE, Map.of("now", now, "limit", limit));
    }
}
