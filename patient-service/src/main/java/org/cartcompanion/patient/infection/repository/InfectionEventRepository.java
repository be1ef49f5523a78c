package org.cartcompanion.patient.infection.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.infection.InfectionEvent;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InfectionEventRepository implements PanacheRepositoryBase<InfectionEvent, UUID> {

    /** A center's infections diagnosed in [from, to], by diagnosis date. */
    public Uni<List<InfectionEvent>> ofCenter(UUID centerId, LocalDate from, LocalDate to) {
        return find("centerId = ?1 and diagnosisDate >= ?2 and diagnosisDate <= ?3 order by diagnosisDate, createdAt", centerId,
                from, to).list();
    }

    public Uni<List<InfectionEvent>> ofPatient(UUID patientId) {
        return find("patientId = ?1 order by diagnosisDate, createdAt", patientId).list();
    }
}
