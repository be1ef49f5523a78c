package org.cartcompanion.alert.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.cartcompanion.alert.escalation.engine.EscalationState;
import org.cartcompanion.alert.escalation.engine.Responsible;
import org.cartcompanion.alert.policy.PolicySnapshot;
import org.cartcompanion.alert.policy.PolicySnapshotColumn;
import org.cartcompanion.alert.triage.Disposition;
import org.cartcompanion.alert.triage.Phase;
import org.cartcompanion.alert.triage.RuleIdsConverter;
import org.cartcompanion.support.work.Failure;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * One episode of a patient needing a clinician: opened by the first alert-worthy check-in, appended to by later ones, and
 * escalated until somebody acknowledges and resolves it.
 */
@Entity
@Table(name = "alert")
public class Alert {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "center_id", nullable = false)
    public UUID centerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Disposition disposition;

    /** Set while a rise of the disposition still has to be re-notified. */
    @Enumerated(EnumType.STRING)
    @Column(name = "raised_from")
    public Disposition raisedFrom;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Enumerated(EnumType.STRING)
    public Responsible responsible;

    @Column(nullable = false)
    public int level;

    @Column(nullable = false)
    public int cycle;

    @Column(name = "due_at")
    public Instant dueAt;

    /** When a poller should look at this alert next; null when nothing is scheduled. */
    @Column(name = "next_step_at")
    public Instant nextStepAt;

    /** When the due step first failed (nobody could be named, or an error), in the current run of failures; else null. */
    @Column(name = "step_failing_since")
    public Instant stepFailingSince;

    /** Failed attempts of the due step in a row. */
    @Column(name = "step_attempts", nullable = false)
    public int stepAttempts;

    /** Why the last attempt failed, as the timeline and operators read it. */
    @Column(name = "step_error")
    public String stepError;

    /** When the fallback was paged for the current run of failures; null before. */
    @Column(name = "failure_fallback_at")
    public Instant failureFallbackAt;

    /** When the overdue scan reported this alert's step; cleared when a step is taken. */
    @Column(name = "overdue_flagged_at")
    public Instant overdueFlaggedAt;

    @Column(name = "ack_reminded", nullable = false)
    public boolean ackReminded;

    /** The escalation policy copied when the alert opened (stored as JSON). */
    @Convert(converter = PolicySnapshotColumn.class)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public PolicySnapshot policy;

    @Column(name = "policy_version", nullable = false)
    public int policyVersion;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "last_event_at", nullable = false)
    public Instant lastEventAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledged_by_name")
    public String acknowledgedByName;

    @Column(name = "acknowledger_id")
    public UUID acknowledgerId;

    @Column(name = "acknowledger_email")
    public String acknowledgerEmail;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "resolution_note")
    public String resolutionNote;

    @Column(name = "day_post_infusion", nullable = false)
    public int dayPostInfusion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Phase phase;

    public String product;

    @Column(name = "patient_phone")
    public String patientPhone;

    @Column(nullable = false)
    public String language;

    /** The patient's zone (IANA), for times in the phone's messages; null when patient-service did not say. */
    @Column(name = "time_zone")
    public String timeZone;

    public String summary;

    @Convert(converter = RuleIdsConverter.class)
    @Column(name = "fired_rules", nullable = false)
    public List<String> firedRules;

    @Column(name = "center_phone")
    public String centerPhone;

    @Column(name = "fallback_email")
    public String fallbackEmail;

    @Version
    public int version;

    /** Who acknowledged, as clinicians read it: the name care-team-service gave, else the subject; null if nobody. */
    public String acknowledger() {
        return acknowledgedByName != null ? acknowledgedByName : acknowledgedBy;
    }

    public EscalationState state() {
        return new EscalationState(status, disposition, responsible, level, cycle, dueAt, ackReminded, raisedFrom);
    }

    /**
     * A failed attempt of the due step: counted, and the step retried on this alert alone after {@code retryIn}, so other
     * alerts keep their schedule.
     */
    public void stepFailed(Instant now, String error, Duration retryIn) {
        stepAttempts++;
        if (stepFailingSince == null) {
            // From when the step fell due, not from a late first attempt: lateness and the fallback's clock both count from it.
            stepFailingSince = nextStepAt != null && nextStepAt.isBefore(now) ? nextStepAt : now;
        }
        stepError = Failure.cut(error);
        nextStepAt = now.plus(retryIn);
    }

    /** Whether the failures so far call for the fallback: {@code attempts} in a row, or failing for {@code after}. */
    public boolean failingTooLong(Instant now, int attempts, Duration after) {
        return stepFailingSince != null && (stepAttempts >= attempts || !now.isBefore(stepFailingSince.plus(after)));
    }

    /**
     * When the step now due fell due: the first failure of a run of failures (retries move {@code nextStepAt}), else the step's
     * time; never after {@code now}. For an alert's first step it is the intake of the event that opened or worsened it.
     */
    public Instant stepDue(Instant now) {
        Instant due = stepFailingSince != null ? stepFailingSince : nextStepAt;
        return due == null || due.isAfter(now) ? now : due;
    }

    /**
     * A clinician acknowledged or resolved the alert: the step they answered is no longer owed, so its run of failures ends
     * (the next step, an acknowledgement reminder say, starts its own). A worse check-in does not end it: the fallback's clock
     * keeps running while nobody can be named.
     */
    public void answered() {
        stepTaken();
    }

    /** The due step was taken: the run of failures and an overdue report end. */
    public void stepTaken() {
        stepAttempts = 0;
        stepFailingSince = null;
        stepError = null;
        failureFallbackAt = null;
        overdueFlaggedAt = null;
    }

    /** Stores the engine's state and the poller's next look. */
    public void apply(EscalationState state, Instant now) {
        status = state.status();
        disposition = state.disposition();
        responsible = state.responsible();
        level = state.level();
        cycle = state.cycle();
        dueAt = state.dueAt();
        ackReminded = state.ackReminded();
        raisedFrom = state.raisedFrom();
        nextStepAt = state.nextStepAt(now);
    }
}
