package org.cartcompanion.careteam.oncall;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.cartcompanion.careteam.oncall.schedule.Tier;

/** An on-call rotation of a center; its members, in turn order, are {@link RotationMember} rows. */
@Entity
@Table(name = "rotation")
public class Rotation {

    @Id
    public UUID id;

    @Column(name = "center_id", nullable = false)
    public UUID centerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Tier tier;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "handoff_time", nullable = false)
    public LocalTime handoffTime;

    @Column(name = "length_days", nullable = false)
    public int lengthDays;

    /** Exclusive, at the hand-off time; null when the rotation runs until replaced. */
    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
