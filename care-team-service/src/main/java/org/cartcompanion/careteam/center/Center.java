package org.cartcompanion.careteam.center;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A CAR-T treatment center: its time zone governs on-call schedules, its phone is the patient's line. */
@Entity
@Table(name = "center")
public class Center {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(nullable = false)
    public String phone;

    /** Paged when an alert's escalation is exhausted. */
    @Column(name = "hotline_email", nullable = false)
    public String hotlineEmail;

    /** The day after infusion at which coordinators are prompted to hand a patient to shared care. */
    @Column(name = "shared_care_day", nullable = false)
    public int sharedCareDay = 14;

    /** The day after infusion at which coordinators are prompted to hand a patient to community-led care. */
    @Column(name = "community_led_day", nullable = false)
    public int communityLedDay = 100;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
