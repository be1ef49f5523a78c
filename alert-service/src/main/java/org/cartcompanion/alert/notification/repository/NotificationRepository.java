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

    private static final String UNSENT = """
            SELECT * FROM notification WHERE alert_id = :alert AND status = 'PENDING'
            AND purpose IN ('PAGE', 'RENOTIFY', 'COPY', 'FALLBACK') FOR UPDATE SKIP LOCKED""";

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

    /**
     * Cancels the alert's pending pages that ask for an acknowledgement, skipping rows a dispatcher holds; answers what each
     * was ({@code sms to Dr A}).
     */
    public Uni<List<String>> cancelUnsent(UUID alertId) {
        return DueRows.list(Notification.class, UNSENT, Map.of("alert", alertId)).map(rows -> rows.stream().map(n -> {
            n.status = Notification.DeliveryStatus.CANCELLED;
            n.nextAttemptAt = null;
            return n.channel.name().toLowerCase() + " to " + (n.recipientName != null ? n.recipientName : n.address);
        }).toList());
    }

    /** The SMS and calls sent (or due) to {@code number} since {@code since}, newest first. */
    public Uni<List<Notification>> toNumber(String number, Instant since) {
        return find("address = ?1 and channel in ?2 and createdAt >= ?3 order by createdAt desc", number,
                List.of(Notification.Channel.SMS, Notification.Channel.VOICE), since).list();
    }

    /** Every notification of the alert, oldest first. */
    public Uni<List<Notification>> forAlert(UUID alertId) {
        return find("alertId = ?1 order by createdAt", alertId).list();
    }
}
