package org.cartcompanion.careteam.handoff;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.cartcompanion.careteam.team.CarePhase;

/** A proposal to move a patient's care towards the community physician, which only they can accept. */
@Entity
@Table(name = "handoff")
public class Handoff {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "center_id", nullable = false)
    public UUID centerId;

    @Column(name = "to_clinician_id", nullable = false)
    public UUID toClinicianId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_phase", nullable = false)
    public CarePhase fromPhase;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_phase", nullable = false)
    public CarePhase toPhase;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HandoffStatus status;

    /** The sender's note to the receiving physician. */
    @Column(nullable = false)
    public String summary;

    /** JSON of {@link ClinicalSummary}: what the receiver reads before accepting. */
    @Column(name = "clinical_summary", nullable = false)
    public String clinicalSummary;

    @Column(name = "decline_reason")
    public String declineReason;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "reminded_at")
    public Instant remindedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Version
    public long version;
}
