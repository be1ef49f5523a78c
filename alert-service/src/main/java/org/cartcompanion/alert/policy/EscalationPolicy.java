package org.cartcompanion.alert.policy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;

/** A center's saved escalation policy; the document is the validated request (stored as JSON). */
@Entity
@Table(name = "escalation_policy")
public class EscalationPolicy {

    @Id
    @Column(name = "center_id")
    public UUID centerId;

    @Convert(converter = PolicySnapshotColumn.class)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public PolicySnapshot document;

    @Column(nullable = false)
    public int version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
