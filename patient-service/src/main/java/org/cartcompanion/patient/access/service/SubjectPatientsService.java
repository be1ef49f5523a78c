package org.cartcompanion.patient.access.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.patient.Patient;
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
        return patients.findBySubject(subject).flatMap(self -> patients.findLinkedToCaregiver(subject).map(linked -> {
            List<UUID> ids = new ArrayList<>();
            if (self != null) {
                ids.add(self.id);
            }
            for (Patient p : linked) {
                if (!ids.contains(p.id)) {
                    ids.add(p.id);
                }
            }
            return ids;
        }));
    }
}
