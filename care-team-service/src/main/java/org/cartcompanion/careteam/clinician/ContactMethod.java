package org.cartcompanion.careteam.clinician;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One way to wake a clinician when a level pages them: a channel, its address, and how long after the page it fires. */
@Entity
@Table(name = "clinician_contact_method")
@IdClass(ContactMethod.Key.class)
public class ContactMethod {

    @Id
    @Column(name = "clinician_id")
    public UUID clinicianId;

    /** The order the clinician gave them in. */
    @Id
    public short position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContactMethodType type;

    @Column(nullable = false)
    public String address;

    @Column(name = "delay_seconds", nullable = false)
    public int delaySeconds;

    public static class Key implements Serializable {
        public UUID clinicianId;
        public short position;

        public Key() {
        }

        public Key(UUID clinicianId, short position) {
            this.clinicianId = clinicianId;
            this.position = position;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.position == position && Objects.equals(k.clinicianId, clinicianId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clinicianId, position);
        }
    }
}
