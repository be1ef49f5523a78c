package org.cartcompanion.alert.directory;

import java.util.Arrays;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of a center's webhooks, as care-team-service handed it over (its secret included: events are signed here). */
@Entity
@Table(name = "directory_webhook")
public class KnownWebhook {

    @Id
    public UUID id;

    @Column(name = "center_id", nullable = false)
    public UUID centerId;

    @Column(nullable = false)
    public String url;

    /** Comma-separated event names. */
    @Column(nullable = false)
    public String events;

    @Column(nullable = false)
    public String format;

    @Column(nullable = false)
    public String secret;

    public boolean wants(String event) {
        return Arrays.asList(events.split(",")).contains(event);
    }
}
