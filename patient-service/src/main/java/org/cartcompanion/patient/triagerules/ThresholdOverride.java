package org.cartcompanion.patient.triagerules;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One saved version of a center's triage threshold overrides (JSON object of threshold name → value). */
@Entity
@Table(name = "triage_threshold_override")
@IdClass(ThresholdOverride.Key.class)
public class ThresholdOverride {

    @Id
    @Column(name = "center_id")
    public UUID centerId;

    @Id
    public int version;

    @Column(nullable = false)
    public String thresholds;

    /** The thresholds, by name and comma-separated, that this version makes less strict than the default table. */
    public String loosened;

    /** The medical lead who approved the loosening, by name; null when nothing was loosened. */
    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approval_reason")
    public String approvalReason;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        public UUID centerId;
        public int version;

        public Key() {
        }

        public Key(UUID centerId, int version) {
            this.centerId = centerId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(centerId, k.centerId) && version == k.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(centerId, version);
        }
    }
}
