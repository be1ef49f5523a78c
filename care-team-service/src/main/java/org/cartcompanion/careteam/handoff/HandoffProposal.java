package org.cartcompanion.careteam.handoff;

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

import org.cartcompanion.careteam.team.CarePhase;

/** That a patient reached the center's day for a hand-off to {@code toPhase} and the coordinators were told. */
@Entity
@Table(name = "handoff_proposal")
@IdClass(HandoffProposal.Key.class)
public class HandoffProposal {

    @Id
    @Column(name = "patient_id")
    public UUID patientId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "to_phase")
    public CarePhase toPhase;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;

    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        public UUID patientId;
        public CarePhase toPhase;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(patientId, k.patientId) && toPhase == k.toPhase;
        }

        @Override
        public int hashCode() {
            return Objects.hash(patientId, toPhase);
        }
    }
}
