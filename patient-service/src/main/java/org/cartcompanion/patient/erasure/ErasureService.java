package org.cartcompanion.patient.erasure;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.erasure.repository.ErasureRepository;
import org.cartcompanion.patient.patient.Patient;
import org.cartcompanion.patient.patient.PatientStatus;
import org.cartcompanion.patient.patient.repository.PatientRepository;
import org.cartcompanion.patient.patient.service.PatientService;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Erases a withdrawn patient's identifying data on request (the center's coordinator): name, identity-provider subject, record
 * number, phone and email; their caregivers' links (names and contacts); check-in notes and who reported them; delivered outbox
 * payloads; and alert-service's copy of the phone. What stays, keyed by the patient's id alone, is what registry reporting
 * needs: the center, birth year, product, disease, dates, infection records, labs, check-in values and the audit trail.
 * alert-service is asked first: when it cannot be reached nothing is erased and the request can be repeated.
 */
@ApplicationScoped
public class ErasureService {

    static final String ERASED_NAME = ErasureRepository.ERASED_NAME;

    private final PatientService patients;
    private final AlertErasureClient alerts;
    private final ErasureRepository erasure;
    private final Clock clock;
    private final PatientRepository repository;

    public ErasureService(PatientService patients, @RestClient AlertErasureClient alerts,
            ErasureRepository erasure,
            Clock clock, PatientRepository repository) {
        this.repository = repository;
        this.patients = patients;
        this.alerts = alerts;
        this.erasure = erasure;
        this.clock = clock;
    }

    public Uni<Patient> erase(UUID patientId, Caller caller) {
        String subject = caller.subject();
        return patients.forCenterAction(patientId, caller, "Only a coordinator of the patient's center erases a record.",
                Roles.COORDINATOR).map(patient -> {
                    if (patient.status != PatientStatus.WITHDRAWN) {
                        throw ProblemException.conflict("Only a WITHDRAWN patient's identifying data can be erased; set the "
                                + "status first (the patient is " + patient.status + ").");
                    }
                    return patient;
                })
                .call(patient -> alerts.erase(patientId).onFailure().transform(e -> {
                    Log.warnf("alert-service did not erase patient %s: %s", patientId, e.toString());
                    return new ProblemException(503, "service-unavailable",
                            "The alert service cannot be reached to erase its copy; nothing was erased. Try again shortly.");
                }))
                .flatMap(patient -> eraseHere(patientId, subject, clock.instant()))
                .flatMap(done -> Panache.withSession(() -> repository.findById(patientId)));
    }

    private Uni<Void> eraseHere(UUID patientId, String by, Instant now) {
        return Panache.withTransaction(() -> erasure.erase(patientId, by, now));
    }
}
