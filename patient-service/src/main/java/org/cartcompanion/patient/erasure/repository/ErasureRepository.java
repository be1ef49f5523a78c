package org.cartcompanion.patient.erasure.repository;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The statements that remove a patient's identifying data, run in the caller's transaction. */
@ApplicationScoped
public class ErasureRepository {

    /** The name an erased record keeps. */
    public static final String ERASED_NAME = "Erased patient";

    /**
     * Forgets the patient's browsers (web push), clears the patient's identity (kept: the clinical record under its id), drops
     * caregiver links, withdraws invitations and forgets whom they named, notes and reporter subjects of check-ins, and the
     * delivered outbox payloads that name them. The first erasure's time and author stay.
     */
    public Uni<Void> erase(UUID patientId, String by, Instant now) {
        Map<String, Object> patient = Map.of("id", patientId);
        // The patient's own browsers, asked for reminders under the subject about to be erased (a caregiver's stay theirs).
        return run("DELETE FROM push_subscription WHERE subject = (SELECT subject FROM patient WHERE id = :id)", patient)
                .flatMap(x -> run(
                        "UPDATE patient SET display_name = :name, subject = :subject, external_id = NULL, phone = NULL,"
                                + " email = NULL, erased_at = COALESCE(erased_at, :now), erased_by = COALESCE(erased_by, :by),"
                                + " updated_at = :now, version = version + 1 WHERE id = :id",
                        Map.of("id", patientId, "name", ERASED_NAME, "subject", "erased:" + patientId, "now", now, "by", by)))
                .flatMap(x -> run("DELETE FROM caregiver_link WHERE patient_id = :id", patient))
                // Invitations name the people invited: kept as a record that there were some, unusable.
                .flatMap(x -> run("UPDATE invitation SET name = NULL, email = NULL, phone = NULL, mail_code = NULL,"
                        + " next_attempt_at = NULL, accepted_by = CASE WHEN accepted_by IS NULL THEN NULL"
                        + " ELSE 'erased' END, withdrawn_at = CASE WHEN accepted_at IS NULL"
                        + " THEN COALESCE(withdrawn_at, :now) END, withdrawn_by = CASE WHEN accepted_at IS NULL"
                        + " THEN COALESCE(withdrawn_by, :by) END, version = version + 1 WHERE patient_id = :id",
                        Map.of("id", patientId, "now", now, "by", by)))
                .flatMap(x -> run("UPDATE check_in SET note = NULL, reporter_subject = 'erased' WHERE patient_id = :id",
                        patient))
                // A check-in's event is keyed by the check-in, a missed check-in's by the patient.
                .flatMap(x -> run("DELETE FROM outbox_event WHERE delivered_at IS NOT NULL AND (aggregate_id = :id"
                        + " OR aggregate_id IN (SELECT id FROM check_in WHERE patient_id = :id))", patient))
                .replaceWithVoid();
    }

    private static Uni<Integer> run(String sql, Map<String, Object> parameters) {
        return Panache.getSession().flatMap(session -> {
            var statement = session.createNativeQuery(sql);
            parameters.forEach(statement::setParameter);
            return statement.executeUpdate();
        });
    }
}
