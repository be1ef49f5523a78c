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
}
