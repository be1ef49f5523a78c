package org.cartcompanion.careteam.oncall;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The clinician holding turn {@code position} (0-based) of a rotation's cycle. */
@Entity
@Table(name = "rotation_member")
@IdClass(RotationMember.Key.class)
public class RotationMember {

    @Id
    @Column(name = "rotation_id")
    public UUID rotationId;

    @Id
    public int position;

    @Column(name = "clinician_id", nullable = false)
    public UUID clinicianId;

    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        public UUID rotationId;
        public int position;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(rotationId, k.rotationId) && position == k.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(rotationId, position);
        }
    }
}
