package org.cartcompanion.patient.checkin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.cartcompanion.patient.timeline.Phase;
import org.cartcompanion.patient.triage.Disposition;

/** A stored check-in with the triage it received. */
@Entity
@Table(name = "check_in")
public class CheckInRecord {

    @Id
    public UUID id;
    @Column(name = "patient_id", nullable = false)
    public UUID patientId;
    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;
    /** SHA-256 of the canonical request body, to tell a replay from a different request with the same key. */
    @Column(name = "request_hash", nullable = false)
    public String requestHash;
    @Enumerated(EnumType.STRING)
    @Column(name = "reported_by", nullable = false)
    public Reporter reportedBy;
    @Column(name = "reporter_subject", nullable = false)
    public String reporterSubject;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
    @Column(name = "temperature_value")
    public BigDecimal temperatureValue;
    @Column(name = "temperature_unit")
    public String temperatureUnit;
    @Column(name = "temperature_method")
    public String temperatureMethod;
    @Column(name = "temperature_c")
    public BigDecimal temperatureC;
    @Column(name = "antipyretic_last_6h")
    public Boolean antipyreticLast6h;
    public Integer spo2;
    @Column(name = "heart_rate")
    public Integer heartRate;
    @Column(name = "systolic_bp")
    public Integer systolicBp;
    @Column(name = "respiratory_rate")
    public Integer respiratoryRate;
    /** Symptom codes, comma-separated. */
    @Column(nullable = false)
    public String symptoms;
    @Column(name = "stools_above_baseline")
    public Integer stoolsAboveBaseline;
    @Column(name = "ice_score")
    public Integer iceScore;
    public String note;
    @Column(name = "day_post_infusion", nullable = false)
    public int dayPostInfusion;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Phase phase;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Disposition disposition;
    /** Rule ids, comma-separated, in evaluation order. */
    @Column(name = "fired_rules", nullable = false)
    public String firedRules;
    @Column(name = "rule_set_version", nullable = false)
    public String ruleSetVersion;
    @Column(nullable = false)
    public String instructions;
    @Column(name = "call_number")
    public String callNumber;
    @Column(name = "alert_requested", nullable = false)
    public boolean alertRequested;

    /** Who entered the check-in. */
    public enum Reporter {
        PATIENT, CAREGIVER
    }
}
