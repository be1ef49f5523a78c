package org.cartcompanion.careteam.center.rest;

import java.time.Instant;
import java.util.UUID;

import org.cartcompanion.careteam.center.Center;

public record CenterResponse(UUID id, String name, String timeZone, String phone, String hotlineEmail,
        int sharedCareDay, int communityLedDay, Instant createdAt) {

    public static CenterResponse of(Center c) {
        return new CenterResponse(c.id, c.name, c.timeZone, c.phone, c.hotlineEmail, c.sharedCareDay, c.communityLedDay,
                c.createdAt);
    }
}
