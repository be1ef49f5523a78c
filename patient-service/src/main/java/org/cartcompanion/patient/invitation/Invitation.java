package org.cartcompanion.patient.invitation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.cartcompanion.patient.caregiver.Relationship;
import org.cartcompanion.support.work.AttemptedRow;

/**
 * A single-use invitation to join a patient's record as the patient or a caregiver. Its attempt ledger is the invitation
 * mail's: the mail is due while {@code nextAttemptAt} is set and it has not been mailed.
 */
@Entity
@Table(name = "invitation")
public class Invitation extends AttemptedRow {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(name = "invited_as", nullable = false)
    public InvitedAs invitedAs;

    @Column(name = "code_hash", nullable = false)
    public String codeHash;

    public String name;

    @Enumerated(EnumType.STRING)
    public Relationship relationship;

    public String email;

    public String phone;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "accepted_by")
    public String acceptedBy;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    /** The code, kept only until the mail server has taken the invitation mail. */
    @Column(name = "mail_code")
    public String mailCode;

    @Column(name = "mailed_at")
    public Instant mailedAt;

    @Version
    public long version;

    /** Where the invitation stands at {@code now}. */
    public InvitationStatus status(Instant now) {
        if (acceptedAt != null) {
            return InvitationStatus.ACCEPTED;
        }
        if (withdrawnAt != null) {
            return InvitationStatus.WITHDRAWN;
        }
        return now.isBefore(expiresAt) ? InvitationStatus.PENDING : InvitationStatus.EXPIRED;
    }

    /** Once it is no longer pending, its code has no use: an unsent mail is not sent. */
    public void close() {
        mailCode = null;
        nextAttemptAt = null;
    }

    @Override
    protected void done(Instant at) {
        mailedAt = at;
        close();
    }
}
