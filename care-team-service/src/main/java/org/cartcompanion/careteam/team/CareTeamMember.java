package org.cartcompanion.careteam.team;

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

import org.cartcompanion.careteam.clinician.ClinicianRole;

/** A clinician on a patient's care team, and their part in it. */
@Entity
@Table(name = "care_team_member")
@IdClass(CareTeamMember.Key.class)
public class CareTeamMember {

    @Id
    @Column(name = "patient_id")
    public UUID patientId;

    @Id
    @Column(name = "clinician_id")
    public UUID clinicianId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClinicianRole role;

    public static CareTeamMember of(UUID patientId, UUID clinicianId, ClinicianRole role) {
        CareTeamMember m = new CareTeamMember();
        m.patientId = patientId;
        m.clinicianId = clinicianId;
        m.role = role;
        return m;
    }

    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        public UUID patientId;
        public UUID clinicianId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(patientId, k.patientId) && Objects.equals(clinicianId, k.clinicianId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(patientId, clinicianId);
        }
    }
}
