package org.cartcompanion.patient.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.cartcompanion.support.work.AttemptedRow;

/** An event for another service, stored with the change it announces and delivered until confirmed. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends AttemptedRow {

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
    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Override
    protected void done(Instant at) {
        deliveredAt = at;
    }
}
