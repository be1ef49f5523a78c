package org.cartcompanion.patient.lab.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.lab.LabResult;
import org.cartcompanion.patient.lab.LabType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LabResultRepository implements PanacheRepositoryBase<LabResult, UUID> {

    /**
     * Newest recorded first, after the cursor's (recordedAt, id), of one type or all; one look-ahead row beyond {@code limit}.
     */
    public Uni<List<LabResult>> page(UUID patientId, LabType type, Instant beforeRecordedAt, UUID beforeId, int limit) {
        String typed = type == null ? "" : " and type = :type";
        String after = beforeRecordedAt == null ? "" : " and (recordedAt < :at or (recordedAt = :at and id < :id))";
        Parameters params = Parameters.with("patient", patientId);
        if (type != null) {
            params = params.and("type", type);
        }
        if (beforeRecordedAt != null) {
            params = params.and("at", beforeRecordedAt).and("id", beforeId);
        }
        return find("patientId = :patient" + typed + after + " order by recordedAt desc, id desc", params)
                .range(0, limit).list();
    }

    /** The latest {@code count} dated results of a type, newest recorded first, for the triage history rules. */
    public Uni<List<LabResult>> recent(UUID patientId, LabType type, int count) {
        return find("patientId = ?1 and type = ?2 and resultDate is not null order by recordedAt desc, id desc", patientId,
                type).range(0, count - 1).list();
    }
}
