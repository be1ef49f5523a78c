package org.cartcompanion.careteam.oncall.schedule;

import java.time.Instant;
import java.util.UUID;

/** Who holds a tier over [start, end), and whether a rotation turn or a shift put them there. */
public record Assignment(Tier tier, UUID clinicianId, Instant start, Instant end, Source source, UUID sourceId) {

    public enum Source {
        ROTATION, SHIFT
    }
}
