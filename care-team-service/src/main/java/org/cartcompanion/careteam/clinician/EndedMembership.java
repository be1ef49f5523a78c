package org.cartcompanion.careteam.clinician;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A membership that was ended: kept so that who could see a center's patients, and until when, stays answerable. */
@Entity
@Table(name = "center_membership_ended")
@IdClass(EndedMembership.Key.class)
public class EndedMembership {

    @Id
    @Column(name = "center_id")
    public UUID centerId;

    @Id
    @Column(name = "clinician_id")
    public UUID clinicianId;

    @Id
    @Column(name = "ended_at")
    public Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClinicianRole role;

    @Column(name = "added_by", nullable = false)
    public String addedBy;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    @Column(name = "ended_by", nullable = false)
    public String endedBy;

    public static EndedMembership of(CenterMembership m, String endedBy, Instant endedAt) {
        EndedMembership e = new EndedMembership();
        e.centerId = m.centerId;
        e.clinicianId = m.clinicianId;
        e.role = m.role;
        e.addedBy = m.addedBy;
        e.addedAt = m.createdAt;
        e.endedBy = endedBy;
        e.endedAt = endedAt;
        return e;
    }

    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        public UUID centerId;
        public UUID clinicianId;
        public Instant endedAt;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(centerId, k.centerId) && Objects.equals(clinicianId, k.clinicianId)
                    && Objects.equals(endedAt, k.endedAt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(centerId, clinicianId, endedAt);
        }
    }
}
