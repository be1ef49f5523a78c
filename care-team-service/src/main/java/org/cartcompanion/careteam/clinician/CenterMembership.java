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

/** That a clinician belongs to (or, as a community physician, is known to) a center, and in which role. */
@Entity
@Table(name = "center_membership")
@IdClass(CenterMembership.Key.class)
public class CenterMembership {

    @Id
    @Column(name = "center_id")
    public UUID centerId;

    @Id
    @Column(name = "clinician_id")
    public UUID clinicianId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClinicianRole role;

    @Column(name = "added_by", nullable = false)
    public String addedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        public UUID centerId;
        public UUID clinicianId;

        public Key() {
        }

        public Key(UUID centerId, UUID clinicianId) {
            this.centerId = centerId;
            this.clinicianId = clinicianId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(centerId, k.centerId)
                    && Objects.equals(clinicianId, k.clinicianId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(centerId, clinicianId);
        }
    }
}
