package org.cartcompanion.alert.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.notification.Notification;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /** Notifications due for a (first or next) attempt that no other dispatcher holds, locked for this transaction. */
    public Uni<List<Notification>> lockDue(Instant now, int limit) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "SELECT * FROM notification WHERE status = 'PENDING' AND next_attempt_at <= :now"
                        + " ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED",
                Notification.class).setParameter("now", now).setParameter("limit", limit).getResultList());
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
