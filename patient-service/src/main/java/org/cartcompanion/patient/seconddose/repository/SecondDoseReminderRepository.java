package org.cartcompanion.patient.seconddose.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.patient.Patient;
import org.cartcompanion.patient.patient.repository.PatientRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The (patient, local day) claims of second-dose reminders: one a day per patient, whichever replica writes it first. */
@ApplicationScoped
public class SecondDoseReminderRepository {

    private final PatientRepository patients;

    public SecondDoseReminderRepository(PatientRepository patients) {
        this.patients = patients;
    }

    /**
     * Active obe-cel patients without a recorded second dose whose coordinators were not yet reminded on the patient's local
     * date at {@code now}, longest infused first.
     */
    public Uni<List<Patient>> unremindedToday(Instant now, int limit) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("SELECT p.id FROM patient p"
                + " WHERE p.product = 'OBE_CEL' AND p.second_dose_date IS NULL AND p.status = 'ACTIVE'"
                + " AND NOT EXISTS (SELECT 1 FROM second_dose_reminder r WHERE r.patient_id = p.id"
                + " AND r.local_date = (CAST(:now AS timestamptz) AT TIME ZONE p.time_zone)::date)"
                + " ORDER BY p.infusion_date, p.id LIMIT :limit", UUID.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList())
                .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Patient> of())
                        : patients.list("id in ?1 order by infusionDate, id", ids));
    }

    /** Claims today's reminder for this transaction (it is sent at its commit); false when it is taken already. */
    public Uni<Boolean> claim(UUID patientId, LocalDate localDate, Instant now) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "INSERT INTO second_dose_reminder (patient_id, local_date, sent_at) VALUES (:patient, :day, :now)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter("patient", patientId).setParameter("day", localDate).setParameter("now", now)
                .executeUpdate()).map(rows -> rows > 0);
    }
}
