package org.cartcompanion.alert.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.notification.Notification;
import org.cartcompanion.alert.notification.Purpose;
import org.cartcompanion.support.work.DueRows;

import io.quarkus.hibernate.reactive.panache.Panache;
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

    /** The pages asking for an acknowledgement that reached {@code number} by SMS or call since {@code since}, newest first. */
    public Uni<List<Notification>> pagesTo(String number, Instant since) {
        return find("address = ?1 and channel in ?2 and createdAt >= ?3 and status = ?4 and purpose in ?5 "
                + "order by createdAt desc", number, List.of(Notification.Channel.SMS, Notification.Channel.VOICE), since,
                Notification.DeliveryStatus.SENT, ANSWERABLE).list();
    }

    /** What a clinician may acknowledge by answering. */
    public static final List<Purpose> ANSWERABLE = List.of(Purpose.PAGE, Purpose.RENOTIFY, Purpose.COPY, Purpose.FALLBACK);

    /**
     * Records a provider callback that acknowledges; false when it was recorded before (a replay), in the caller's transaction.
     */
    public Uni<Boolean> firstCallback(String id, Instant now) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "INSERT INTO provider_callback (id, received_at) VALUES (:id, :now) ON CONFLICT (id) DO NOTHING")
                .setParameter("id", id).setParameter("now", now).executeUpdate()).map(inserted -> inserted == 1);
    }

    /** Every notification of the alert, oldest first. */
    public Uni<List<Notification>> forAlert(UUID alertId) {
        return find("alertId = ?1 order by createdAt", alertId).list();
    }
}
