package org.cartcompanion.patient.lab;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One lab value as it was saved with the clinical status. Append-only (the table refuses UPDATE and DELETE). */
@Entity
@Table(name = "lab_result")
public class LabResult {

    @Id
    public UUID id;
    @Column(name = "patient_id", nullable = false)
    public UUID patientId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LabType type;
    @Column(nullable = false)
    public int value;
    /** The date of the result, when the center gave one. */
    @Column(name = "result_date")
    public LocalDate resultDate;
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static LabResult of(UUID patientId, LabType type, int value, LocalDate date, String by, Instant at) {
        LabResult r = new LabResult();
        r.id = UUID.randomUUID();
        r.patientId = patientId;
        r.type = type;
        r.value = value;
        r.resultDate = date;
        r.recordedBy = by;
        r.recordedAt = at;
        return r;
    }
}
