package org.cartcompanion.alert.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The server-side half of a one-click acknowledge link: which alert, for whom, until when, and whether it was used. */
@Entity
@Table(name = "ack_link")
public class AckLink {

    @Id
    public UUID id;

    @Column(name = "alert_id", nullable = false)
    public UUID alertId;

    @Column(name = "notification_id", nullable = false)
    public UUID notificationId;

    @Column(name = "clinician_id")
    public UUID clinicianId;

    @Column(name = "recipient_name")
    public String recipientName;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;
}
