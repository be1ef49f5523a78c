package org.cartcompanion.patient.patient.repository;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.patient.Patient;
import org.cartcompanion.patient.patient.PatientStatus;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PatientRepository implements PanacheRepositoryBase<Patient, UUID> {

    public Uni<Patient> findBySubject(String subject) {
        return find("subject", subject).firstResult();
    }

    /**
     * The patients a subject reads: themself ({@code own}) and those linked to them as caregiver ({@code linked}), each once,
     * their own record first; a record closed to the patient side (a deceased patient's) is left out. One session runs one
     * query at a time, so the two run one after the other.
     */
    public Uni<List<Patient>> ownAndLinked(String subject, boolean own, boolean linked) {
        Uni<List<Patient>> self = own ? findBySubject(subject).map(p -> p == null ? List.of() : List.of(p))
                : Uni.createFrom().item(List.of());
        return self.flatMap(first -> (linked ? findLinkedToCaregiver(subject) : Uni.createFrom().item(List.<Patient> of()))
                .map(second -> {
                    Map<UUID, Patient> unique = new LinkedHashMap<>();
                    first.stream().filter(p -> p.status.openToPatientSide()).forEach(p -> unique.put(p.id, p));
                    second.stream().filter(p -> p.status.openToPatientSide()).forEach(p -> unique.putIfAbsent(p.id, p));
                    return List.copyOf(unique.values());
                }));
    }

    /** The patients a caregiver subject is linked to, oldest link first. */
    public Uni<List<Patient>> findLinkedToCaregiver(String caregiverSubject) {
        return find("select p from Patient p, CaregiverLink l where l.patientId = p.id and l.subject = ?1"
                + " order by l.createdAt, p.id", caregiverSubject).list();
    }

    /** ACTIVE patients whose heartbeat time has come, earliest first (the partial index patient_heartbeat_idx). */
    public Uni<List<Patient>> dueForHeartbeat(Instant now, int limit) {
        return find("status = ?1 and heartbeatAt <= ?2 order by heartbeatAt", PatientStatus.ACTIVE, now).range(0, limit - 1)
                .list();
    }

    /** When the heartbeat looks at the patient next. */
    public Uni<Integer> lookAgain(UUID patientId, Instant at) {
        return update("heartbeatAt = ?1 where id = ?2", at, patientId);
    }
}
