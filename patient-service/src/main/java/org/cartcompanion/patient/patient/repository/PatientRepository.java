package org.cartcompanion.patient.patient.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.patient.Patient;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PatientRepository implements PanacheRepositoryBase<Patient, UUID> {

    public Uni<Patient> findBySubject(String subject) {
        return find("subject", subject).firstResult();
    }

    /** The patients a caregiver subject is linked to, oldest link first. */
    public Uni<List<Patient>> findLinkedToCaregiver(String caregiverSubject) {
        return find("select p from Patient p, CaregiverLink l where l.patientId = p.id and l.subject = ?1"
                + " order by l.createdAt, p.id", caregiverSubject).list();
    }
}
