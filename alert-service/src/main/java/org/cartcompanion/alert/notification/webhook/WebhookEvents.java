package org.cartcompanion.alert.notification.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.alert.Alert;
import org.cartcompanion.alert.directory.repository.CenterDirectoryRepository;
import org.cartcompanion.alert.notification.WebhookDelivery;
import org.cartcompanion.alert.notification.repository.WebhookDeliveryRepository;
import org.cartcompanion.alert.notification.service.AlertLinks;
import org.cartcompanion.alert.support.Batches;

import io.smallrye.mutiny.Uni;

/**
 * Queues an event of an alert's life for each of its center's webhooks that wants it, in the caller's transaction (so the event
 * is posted exactly when the change it reports commits), with the body written now.
 */
@ApplicationScoped
public class WebhookEvents {

    private final CenterDirectoryRepository directory;
    private final WebhookDeliveryRepository deliveries;
    private final AlertLinks links;

    public WebhookEvents(CenterDirectoryRepository directory, WebhookDeliveryRepository deliveries, AlertLinks links) {
        this.directory = directory;
        this.deliveries = deliveries;
        this.links = links;
    }

    public Uni<Void> queue(Alert alert, AlertEvent event, Instant at) {
        return directory.webhooks(alert.centerId, event.name()).flatMap(hooks -> {
            if (hooks.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            UUID eventId = UUID.randomUUID();
            List<WebhookDelivery> queued = hooks.stream().map(hook -> {
                WebhookDelivery d = new WebhookDelivery();
                d.id = UUID.randomUUID();
                d.alertId = alert.id;
                d.centerId = alert.centerId;
                d.webhookId = hook.id;
                d.event = event.name();
                d.url = hook.url;
                d.format = hook.format;
                d.body = WebhookBodies.body(hook.format, event, eventId, alert, at, links.console(alert.id));
                d.status = WebhookDelivery.Status.PENDING;
                d.attempts = 0;
                d.nextAttemptAt = at;
                d.createdAt = at;
                return d;
            }).toList();
            return Batches.persist(deliveries, queued);
        });
    }
}
