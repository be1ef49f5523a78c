package org.cartcompanion.alert.directory;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A center's contact as last refreshed from care-team-service, with the window its on-call turns cover. */
@Entity
@Table(name = "center_directory")
public class CenterDirectory {

    @Id
    @Column(name = "center_id")
    public UUID centerId;

    public String name;

    @Column(name = "time_zone")
    public String timeZone;

    public String phone;

    @Column(name = "hotline_email")
    public String hotlineEmail;

    /** When care-team-service computed it: a refresh older than the stored one is ignored. */
    @Column(name = "valid_from", nullable = false)
    public Instant validFrom;

    /** The turns below cover [validFrom, validUntil); after it the stored on-call names nobody. */
    @Column(name = "valid_until", nullable = false)
    public Instant validUntil;

    @Column(name = "refreshed_at", nullable = false)
    public Instant refreshedAt;
}
