package org.cartcompanion.patient.caregiver.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.caregiver.CaregiverLink;
import org.cartcompanion.patient.caregiver.repository.CaregiverLinkRepository;
import org.cartcompanion.patient.caregiver.rest.LinkCaregiverRequest;
import org.cartcompanion.patient.patient.Patient;
import org.cartcompanion.patient.patient.service.PatientAccess;
import org.cartcompanion.patient.patient.service.PatientService;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CaregiverService {

    private final PatientService patients;
    private final PatientAccess access;
    private final CaregiverLinkRepository links;
    private final Clock clock;

    public CaregiverService(PatientService patients, PatientAccess access, CaregiverLinkRepository links, Clock clock) {
        this.patients = patients;
        this.access = access;
        this.links = links;
        this.clock = clock;
    }

    /** Links a caregiver; allowed to the patient themself and to staff of the patient's center. */
    @WithTransaction
    public Uni<CaregiverLink> link(UUID patientId, LinkCaregiverRequest request, Caller caller) {
        return patients.visible(patientId, caller).flatMap(patient -> mayLink(patient, caller).flatMap(allowed -> {
            if (!allowed) {
                return Uni.createFrom().failure(
                        ProblemException.forbidden("Only the patient or their center's staff may link a caregiver."));
            }
            return links.isLinked(patientId, request.subject());
        })).flatMap(already -> {
            if (already) {
                return Uni.createFrom()
                        .failure(ProblemException.conflict("This caregiver is already linked to the patient."));
            }
            CaregiverLink link = new CaregiverLink();
            link.id = UUID.randomUUID();
            link.patientId = patientId;
            link.subject = request.subject();
            link.name = request.name();
            link.relationship = request.relationship();
            link.email = request.email();
            link.phone = request.phone();
            link.linkedBy = caller.subject();
            link.createdAt = clock.instant();
            return links.persistAndFlush(link);
        });
    }

    /**
     * Ends a caregiver's access to the patient: the patient themself, or a clinician or coordinator of the patient's center.
     * From the commit on, patient-service answers 404 to that subject for the patient and stops their reminders; the other
     * services ask whose patients a subject has and cache it for seconds, so access ends everywhere within that time.
     */
    @WithTransaction
    public Uni<Void> unlink(UUID patientId, String subject, Caller caller) {
        return patients.visible(patientId, caller).flatMap(patient -> mayLink(patient, caller).flatMap(allowed -> {
            if (!allowed) {
                return Uni.createFrom().failure(
                        ProblemException.forbidden("Only the patient or their center's staff may unlink a caregiver."));
            }
            return links.unlink(patientId, subject);
        })).flatMap(removed -> removed ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(ProblemException.notFound("Caregiver")));
    }

    private Uni<Boolean> mayLink(Patient patient, Caller caller) {
        if (caller.has(Roles.PATIENT) && patient.subject.equals(caller.subject())) {
            return Uni.createFrom().item(true);
        }
        return access.standing(patient.centerId, caller, Roles.COORDINATOR, Roles.CLINICIAN)
                .map(standing -> standing == PatientAccess.Standing.ACTS);
    }
}
