package org.cartcompanion.alert.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.cartcompanion.support.work.AttemptedRow;

/** One message to one recipient on one channel, with its delivery status. */
@Entity
@Table(name = "notification")
public class Notification extends AttemptedRow {

    public enum Channel {
        EMAIL, SMS, VOICE
    }

    /** FAILED: the channel refused it for good (an invalid number); never retried. */
    public enum DeliveryStatus {
        PENDING, SENT, CANCELLED, FAILED
    }

    @Id
    public UUID id;

    @Column(name = "alert_id", nullable = false)
    public UUID alertId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    @Column(nullable = false)
    public int level;

    @Column(nullable = false)
    public int cycle;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    /** Null for the fallback (hotline) address. */
    @Column(name = "clinician_id")
    public UUID clinicianId;

    @Column(name = "recipient_name")
    public String recipientName;

    @Column(nullable = false)
    public String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When it was meant to leave: the step's due time plus the method's delay (retries do not move it). */
    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The provider's id of a sent SMS or call. */
    @Column(name = "provider_id")
    public String providerId;

    @Override
    protected void done(Instant at) {
        status = DeliveryStatus.SENT;
        sentAt = at;
        nextAttemptAt = null;
    }

    @Override
    protected void abandoned(Instant at) {
        status = DeliveryStatus.FAILED;
    }
}
