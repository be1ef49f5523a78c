package org.cartcompanion.patient.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A patient enrolled by their CAR-T center. */
@Entity
@Table(name = "patient")
public class Patient {

    @Id
    public UUID id;

    @Column(name = "center_id", nullable = false)
    public UUID centerId;

    /** The patient's subject at the identity provider; how their own token finds them. */
    @Column(nullable = false)
    public String subject;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "birth_year", nullable = false)
    public int birthYear;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "infusion_date", nullable = false)
    public LocalDate infusionDate;

    @Column(name = "second_dose_date")
    public LocalDate secondDoseDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Product product;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Disease disease;

    @Column(name = "external_id")
    public String externalId;

    public String phone;

    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Language language;

    @Column(name = "enrolled_by", nullable = false)
    public String enrolledBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PatientStatus status = PatientStatus.ACTIVE;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_changed_by")
    public String statusChangedBy;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    /** When the heartbeat next looks at the patient (see HeartbeatService); set to now to have it look at the next pass. */
    @Column(name = "heartbeat_at", nullable = false)
    public Instant heartbeatAt;

    @Version
    public long version;
}
