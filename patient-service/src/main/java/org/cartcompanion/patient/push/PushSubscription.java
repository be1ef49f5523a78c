package org.cartcompanion.patient.push;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A browser that asked for reminders by web push, for the user signed in there (RFC 8030, RFC 8291). */
@Entity
@Table(name = "push_subscription")
public class PushSubscription {

    @Id
    public UUID id;

    /** The user's subject at the identity provider: a patient or a caregiver. */
    @Column(nullable = false)
    public String subject;

    /** The push service's address for this browser. */
    @Column(nullable = false, unique = true)
    public String endpoint;

    /** The browser's P-256 public key, base64url of the uncompressed point. */
    @Column(nullable = false)
    public String p256dh;

    /** The browser's 16-byte authentication secret, base64url. */
    @Column(nullable = false)
    public String auth;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
