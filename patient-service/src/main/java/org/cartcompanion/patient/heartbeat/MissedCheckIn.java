package org.cartcompanion.patient.heartbeat;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A check-in that was due and did not come: when the reminder went and when the center was told. */
@Entity
@Table(name = "missed_check_in")
@IdClass(MissedCheckIn.Key.class)
public class MissedCheckIn {

    public record Key(UUID patientId, Instant dueAt) implements Serializable {
    }

    @Id
    @Column(name = "patient_id")
    public UUID patientId;

    @Id
    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "reminded_at", nullable = false)
    public Instant remindedAt;

    @Column(name = "escalated_at")
    public Instant escalatedAt;
}
