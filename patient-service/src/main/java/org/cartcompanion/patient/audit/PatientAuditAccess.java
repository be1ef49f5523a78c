package org.cartcompanion.patient.audit;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.patient.repository.PatientRepository;
import org.cartcompanion.patient.patient.service.PatientAccess;
import org.cartcompanion.support.audit.AuditAccess;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** An admin, or a coordinator (by membership) of the patient's center, reads the patient's trail here. */
@ApplicationScoped
public class PatientAuditAccess implements AuditAccess {

    private final PatientRepository patients;
    private final PatientAccess access;

    public PatientAuditAccess(PatientRepository patients, PatientAccess access) {
        this.patients = patients;
        this.access = access;
    }

    @Override
    @WithSession
    public Uni<Void> mayRead(UUID patientId, Caller caller) {
        boolean admin = caller.has(Roles.ADMIN);
        // standing() reads the caller's roles at once, in the request.
        return patients.findById(patientId).flatMap(patient -> {
            if (patient == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Patient"));
            }
            return admin ? Uni.createFrom().item(PatientAccess.Standing.ACTS)
                    : access.standing(patient.centerId, caller, Roles.COORDINATOR);
        }).map(s -> switch (s) {
        case ACTS -> null;
        case SEES -> throw ProblemException.forbidden("Only a coordinator of the patient's center reads the audit trail.");
        case NONE -> throw ProblemException.notFound("Patient");
        });
    }
}
