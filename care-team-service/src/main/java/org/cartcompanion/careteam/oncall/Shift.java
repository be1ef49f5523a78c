package org.cartcompanion.careteam.oncall;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.cartcompanion.careteam.oncall.schedule.Tier;

/** A one-off shift, [startsAt, endsAt): overrides its tier's rotation while it lasts. */
@Entity
@Table(name = "shift")
public class Shift {

    @Id
    public UUID id;

    @Column(name = "center_id", nullable = false)
    public UUID centerId;

    @Column(name = "clinician_id", nullable = false)
    public UUID clinicianId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Tier tier;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
