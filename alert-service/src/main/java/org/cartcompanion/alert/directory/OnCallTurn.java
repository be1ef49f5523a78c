package org.cartcompanion.alert.directory;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.cartcompanion.alert.escalation.engine.Tier;

/** One holder of an on-call tier over [startsAt, endsAt), as care-team-service scheduled it. */
@Entity
@Table(name = "directory_on_call")
public class OnCallTurn {

    @Id
    public UUID id;

    @Column(name = "center_id", nullable = false)
    public UUID centerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Tier tier;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(name = "clinician_id", nullable = false)
    public UUID clinicianId;

    public String name;

    public String email;

    public String phone;

    /** Their contact methods in the stored form of {@link org.cartcompanion.alert.access.client.ContactMethod#stored}. */
    @Column(name = "contact_methods")
    public String contactMethods;
}
