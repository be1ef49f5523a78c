package org.cartcompanion.patient.caregiver.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.caregiver.CaregiverLink;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CaregiverLinkRepository implements PanacheRepositoryBase<CaregiverLink, UUID> {

    public Uni<Boolean> isLinked(UUID patientId, String subject) {
        return count("patientId = ?1 and subject = ?2", patientId, subject).map(n -> n > 0);
    }

    /** The patient's caregivers, oldest link first. */
    public Uni<List<CaregiverLink>> forPatient(UUID patientId) {
        return find("patientId = ?1 order by createdAt", patientId).list();
    }

    /** Removes the link; answers whether there was one. */
    public Uni<Boolean> unlink(UUID patientId, String subject) {
        return delete("patientId = ?1 and subject = ?2", patientId, subject).map(n -> n > 0);
    }
}
