package org.cartcompanion.patient.outbox.config;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.support.metrics.Backlog;
import org.cartcompanion.support.metrics.Backlogs;

/**
 * What patient-service has not yet handed on, as {@code cart_backlog_*} metrics: triage events alert-service has not confirmed
 * ({@code outbox}, waiting since the check-in that wrote them, backoff included), and patients the heartbeat should have looked
 * at by now ({@code heartbeat}: a missed check-in's reminder or alert is this late at most).
 */
@ApplicationScoped
public class OutboxBacklog implements Backlogs {

    @Override
    public List<Backlog> backlogs() {
        return List.of(new Backlog("outbox", "outbox_event", "delivered_at IS NULL", "created_at"),
                new Backlog("heartbeat", "patient", "status = 'ACTIVE' AND heartbeat_at <= $1", "heartbeat_at"));
    }
}
