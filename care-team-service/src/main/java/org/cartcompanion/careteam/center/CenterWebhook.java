package org.cartcompanion.careteam.center;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where alert-service posts the center's alert events, which ones, in which shape, signed with this hook's secret. */
@Entity
@Table(name = "center_webhook")
public class CenterWebhook {

    /** The events a hook may ask for. */
    public static final List<String> EVENTS = List.of("ALERT_OPENED", "ALERT_ESCALATED", "ALERT_ACKNOWLEDGED",
            "ALERT_RESOLVED", "ALERT_EXHAUSTED");

    /** The shapes a hook may take: CloudEvents 1.0 (signed), or a Slack or Microsoft Teams incoming webhook's. */
    public static final List<String> FORMATS = List.of("CLOUDEVENTS", "SLACK", "TEAMS");

    @Id
    public UUID id;

    @Column(name = "center_id", nullable = false)
    public UUID centerId;

    @Column(nullable = false)
    public short position;

    @Column(nullable = false)
    public String url;

    /** Comma-separated, in the order of {@link #EVENTS}. */
    @Column(nullable = false)
    public String events;

    @Column(nullable = false)
    public String format;

    @Column(nullable = false)
    public String secret;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public List<String> eventList() {
        return Arrays.asList(events.split(","));
    }
}
