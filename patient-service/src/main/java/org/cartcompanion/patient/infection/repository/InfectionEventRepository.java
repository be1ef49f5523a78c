package org.cartcompanion.patient.infection.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.infection.InfectionEvent;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InfectionEventRepository implements PanacheRepositoryBase<InfectionEvent, UUID> {

    public Uni<List<InfectionEvent>> ofPatient(UUID patientId) {
        return find("patientId = ?1 order by diagnosisDate, createdAt", patientId).list();
    }
}
