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

/** One event of an alert's life posted to one of its center's webhooks, with the body as posted and its delivery status. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends AttemptedRow {

    public enum Status {
        PENDING, SENT, FAILED, CANCELLED
    }

    @Id
    public UUID id;

    @Column(name = "alert_id", nullable = false)
    public UUID alertId;

    @Column(name = "center_id", nullable = false)
    public UUID centerId;

    @Column(name = "webhook_id", nullable = false)
    public UUID webhookId;

    @Column(nullable = false)
    public String event;

    @Column(nullable = false)
    public String url;

    @Column(nullable = false)
    public String format;

    @Column(nullable = false)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Override
    protected void done(Instant at) {
        status = Status.SENT;
        sentAt = at;
        nextAttemptAt = null;
    }

    @Override
    protected void abandoned(Instant at) {
        status = Status.FAILED;
    }
}
