package org.cartcompanion.alert.alert;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One immutable line of an alert's timeline: a state change or a notification attempt. */
@Entity
@Table(name = "alert_timeline")
public class TimelineEntry {

    @Id
    public UUID id;

    @Column(name = "alert_id", nullable = false)
    public UUID alertId;

    @Column(nullable = false)
    public Instant at;

    /** Insertion order, for entries written in the same instant. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TimelineType type;

    @Column(nullable = false)
    public String detail;

    public static TimelineEntry of(UUID alertId, Instant at, TimelineType type, String detail) {
        TimelineEntry e = new TimelineEntry();
        e.id = UUID.randomUUID();
        e.alertId = alertId;
        e.at = at;
        e.type = type;
        e.detail = detail.length() > 2000 ? detail.substring(0, 2000) : detail;
        return e;
    }
}
