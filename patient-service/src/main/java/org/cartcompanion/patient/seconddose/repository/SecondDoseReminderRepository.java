package org.cartcompanion.patient.seconddose.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
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
     * Active obe-cel patients without a recorded second dose, past {@code assumedDay} after infusion and past {@code remindAt}
     * on their local clock at {@code now}, whose coordinators were not yet reminded that local date; longest infused first.
     */
    public Uni<List<Patient>> unremindedToday(Instant now, int assumedDay, LocalTime remindAt, int limit) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("SELECT p.id FROM patient p"
                + " WHERE p.product = 'OBE_CEL' AND p.second_dose_date IS NULL AND p.status = 'ACTIVE'"
                + " AND (CAST(:now AS timestamptz) AT TIME ZONE p.time_zone)::date - p.infusion_date > :assumedDay"
                + " AND (CAST(:now AS timestamptz) AT TIME ZONE p.time_zone)::time >= :remindAt"
                + " AND NOT EXISTS (SELECT 1 FROM second_dose_reminder r WHERE r.patient_id = p.id"
                + " AND r.local_date = (CAST(:now AS timestamptz) AT TIME ZONE p.time_zone)::date)"
                + " ORDER BY p.infusion_date, p.id LIMIT :limit", UUID.class)
                .setParameter("now", now).setParameter("assumedDay", assumedDay)
                .setParameter("remindAt", remindAt).setParameter("limit", limit).getResultList())
                .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Patient> of())
                        : patients.list("id in ?1 order by infusionDate, id", ids));
    }

    /** Claims today's reminder; false when it is taken already. */
    public Uni<Boolean> claim(UUID patientId, LocalDate localDate, Instant now) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "INSERT INTO second_dose_reminder (patient_id, local_date, sent_at) VALUES (:patient, :day, :now)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter("patient", patientId).setParameter("day", localDate).setParameter("now", now)
                .executeUpdate()).map(rows -> rows > 0);
    }

    /** Gives a claim back after its reminder could not be sent, so that the next pass tries again that day. */
    public Uni<Integer> release(UUID patientId, LocalDate localDate) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("DELETE FROM second_dose_reminder WHERE patient_id = :patient AND local_date = :day")
                .setParameter("patient", patientId).setParameter("day", localDate).executeUpdate());
    }
}
