package org.cartcompanion.patient.caregiver;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A caregiver allowed to check in for, and read, one patient. */
@Entity
@Table(name = "caregiver_link")
public class CaregiverLink {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    /** The caregiver's subject at the identity provider. */
    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Relationship relationship;

    public String email;

    public String phone;

    @Column(name = "linked_by", nullable = false)
    public String linkedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
