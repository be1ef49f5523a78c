package org.cartcompanion.alert.policy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A center's saved escalation policy; the document is the validated request as JSON. */
@Entity
@Table(name = "escalation_policy")
public class EscalationPolicy {

    @Id
    @Column(name = "center_id")
    public UUID centerId;

    @Column(nullable = false)
    public String document;

    @Column(nullable = false)
    public int version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
