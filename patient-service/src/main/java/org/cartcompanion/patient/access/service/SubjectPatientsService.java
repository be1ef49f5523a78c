package org.cartcompanion.patient.access.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.patient.repository.PatientRepository;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The patients a subject may read as a patient or caregiver: themself, and the patients linked to them. */
@ApplicationScoped
public class SubjectPatientsService {

    private final PatientRepository patients;

    public SubjectPatientsService(PatientRepository patients) {
        this.patients = patients;
    }

    @WithSession
    public Uni<List<UUID>> patientsOf(String subject) {
        return patients.ownAndLinked(subject, true, true).map(list -> list.stream().map(p -> p.id).toList());
    }
}
