package org.cartcompanion.patient.checkin.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.checkin.CheckInRecord;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CheckInRepository implements PanacheRepositoryBase<CheckInRecord, UUID> {

    public Uni<CheckInRecord> findByKey(UUID patientId, String idempotencyKey) {
        return find("patientId = ?1 and idempotencyKey = ?2", patientId, idempotencyKey).firstResult();
    }

    /** Newest first, after the cursor's (recordedAt, id); one look-ahead row beyond {@code limit}. */
    public Uni<List<CheckInRecord>> page(UUID patientId, Instant beforeRecordedAt, UUID beforeId, int limit) {
        if (beforeRecordedAt == null) {
            return find("patientId = ?1 order by recordedAt desc, id desc", patientId).range(0, limit).list();
        }
        return find("patientId = ?1 and (recordedAt < ?2 or (recordedAt = ?2 and id < ?3)) order by recordedAt desc, id desc",
                patientId, beforeRecordedAt, beforeId).range(0, limit).list();
    }

    /** When the patient last checked in, or null. */
    public Uni<Instant> lastRecordedAt(UUID patientId) {
        return find("select max(c.recordedAt) from CheckInRecord c where c.patientId = ?1", patientId)
                .project(Instant.class).firstResult();
    }

    /** What triage reads of an earlier check-in (read by {@link CheckInStore#history}). */
    @RegisterForReflection
    public record Reading(Instant recordedAt, BigDecimal temperatureC, String symptoms) {
    }
}
