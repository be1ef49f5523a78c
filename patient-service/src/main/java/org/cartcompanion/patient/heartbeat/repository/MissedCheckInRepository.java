package org.cartcompanion.patient.heartbeat.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.heartbeat.MissedCheckIn;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * The reminder and the escalation of a missed check-in each happen once: whichever replica writes the claim first does it; the
 * other finds it taken.
 */
@ApplicationScoped
public class MissedCheckInRepository implements PanacheRepositoryBase<MissedCheckIn, MissedCheckIn.Key> {

    /** The missed check-in due at {@code dueAt}, or null when nobody was reminded of it yet. */
    public Uni<MissedCheckIn> of(UUID patientId, Instant dueAt) {
        return find("patientId = ?1 and dueAt = ?2", patientId, dueAt).firstResult();
    }

    /** Claims the reminder; false when another replica has it. */
    public Uni<Boolean> claimReminder(UUID patientId, Instant dueAt, Instant now) {
        return getSession().flatMap(session -> session.createNativeQuery(
                "INSERT INTO missed_check_in (patient_id, due_at, reminded_at) VALUES (:patient, :due, :now)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter("patient", patientId).setParameter("due", dueAt).setParameter("now", now).executeUpdate())
                .map(rows -> rows > 0);
    }

    /** Claims the escalation for this transaction; false when it was already made. */
    public Uni<Boolean> claimEscalation(UUID patientId, Instant dueAt, Instant now) {
        return update("escalatedAt = ?1 where patientId = ?2 and dueAt = ?3 and escalatedAt is null", now, patientId, dueAt)
                .map(rows -> rows > 0);
    }

    /** Gives an unescalated reminder claim back, so that the next check reminds again. */
    public Uni<Long> release(UUID patientId, Instant dueAt) {
        return delete("patientId = ?1 and dueAt = ?2 and escalatedAt is null", patientId, dueAt);
    }
}
