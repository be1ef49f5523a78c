package org.cartcompanion.alert.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.cartcompanion.support.work.AttemptedRow;

/**
 * A moment the patient and caregivers are told of by SMS ({@link Purpose#PATIENT_ACK}, {@link Purpose#PATIENT_NO_ANSWER}):
 * written with the change, fanned out to one SMS notification per phone once patient-service says which phones.
 */
@Entity
@Table(name = "patient_text")
public class PatientText extends AttemptedRow {

    public enum Status {
        PENDING, DONE
    }

    @Id
    public UUID id;

    @Column(name = "alert_id", nullable = false)
    public UUID alertId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static PatientText of(UUID alertId, Purpose purpose, Instant now) {
        PatientText t = new PatientText();
        t.id = UUID.randomUUID();
        t.alertId = alertId;
        t.purpose = purpose;
        t.status = Status.PENDING;
        t.nextAttemptAt = now;
        t.createdAt = now;
        return t;
    }

    @Override
    protected void done(Instant at) {
        status = Status.DONE;
        nextAttemptAt = null;
    }

    @Override
    protected void abandoned(Instant at) {
        status = Status.DONE;
    }
}
