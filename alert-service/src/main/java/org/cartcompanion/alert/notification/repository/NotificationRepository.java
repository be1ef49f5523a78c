package org.cartcompanion.alert.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.notification.Notification;
import org.cartcompanion.support.work.DueRows;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    private static final String DUE = DueRows.claim("notification", "status = 'PENDING' AND next_attempt_at <= :now",
            "next_attempt_at");

    /** Notifications due for a (first or next) attempt that no other dispatcher holds, locked for this transaction. */
    public Uni<List<Notification>> lockDue(Instant now, int limit) {
        return DueRows.list(Notification.class, DUE, Map.of("now", now, "limit", limit));
    }

    /** Whether the alert was ever routed to this clinician. */
    public Uni<Boolean> routedTo(UUID alertId, UUID clinicianId) {
        if (clinicianId == null) {
            return Uni.createFrom().item(false);
        }
        return count("alertId = ?1 and clinicianId = ?2", alertId, clinicianId).map(n -> n > 0);
    }

    /** Every notification of the alert, oldest first. */
    public Uni<List<Notification>> forAlert(UUID alertId) {
        return find("alertId = ?1 order by createdAt", alertId).list();
    }
}
