package org.cartcompanion.patient.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.cartcompanion.support.work.Attempted;

/** An event for another service, stored with the change it announces and delivered until confirmed. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent implements Attempted {

    public static final String TRIAGE_EVENT = "TRIAGE_EVENT";

    @Id
    public UUID id;
    @Column(name = "event_type", nullable = false)
    public String eventType;
    @Column(name = "aggregate_id", nullable = false)
    public UUID aggregateId;
    @Column(nullable = false)
    public String payload;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "last_error")
    public String lastError;

    @Override
    public int attempts() {
        return attempts;
    }

    @Override
    public void succeeded(Instant at) {
        attempts++;
        deliveredAt = at;
        lastError = null;
    }

    @Override
    public void failed(Instant at, String error, Instant retryAt) {
        attempts++;
        lastError = error;
        nextAttemptAt = retryAt;
    }
}
