package org.cartcompanion.careteam.clinician;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who takes care of patients, identified across centers by their IdP subject. */
@Entity
@Table(name = "clinician")
public class Clinician {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String email;

    public String phone;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
