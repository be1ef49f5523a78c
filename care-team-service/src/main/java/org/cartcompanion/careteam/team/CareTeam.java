package org.cartcompanion.careteam.team;

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

/** A patient's care team: the center that treats them, the phase of shared care; members are {@link CareTeamMember}s. */
@Entity
@Table(name = "care_team")
public class CareTeam {

    @Id
    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "center_id", nullable = false)
    public UUID centerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CarePhase phase;

    /** From patient-service when the team was last saved; tells when hand-offs fall due. */
    @Column(name = "infusion_date")
    public LocalDate infusionDate;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
