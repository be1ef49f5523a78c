package org.cartcompanion.alert.triage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A triaged check-in that needs a clinician, as delivered by patient-service's outbox. */
@Entity
@Table(name = "triage_event")
public class TriageEvent {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "center_id", nullable = false)
    public UUID centerId;

    @Column(name = "check_in_id")
    public UUID checkInId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Disposition disposition;

    @Convert(converter = RuleIdsConverter.class)
    @Column(name = "fired_rules", nullable = false)
    public List<String> firedRules;

    @Column(name = "day_post_infusion", nullable = false)
    public int dayPostInfusion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Phase phase;

    public String summary;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The alert the event opened or was appended to. */
    @Column(name = "alert_id")
    public UUID alertId;
}
