package org.cartcompanion.careteam.oncall.schedule;

import java.time.Instant;
import java.util.UUID;

/**
 * Who holds a tier over [start, end), and whether a rotation turn or a shift put them there; {@code turn} is the rotation's
 * turn number (from 0), or -1 for a shift.
 */
public record Assignment(Tier tier, UUID clinicianId, Instant start, Instant end, Source source, UUID sourceId, long turn) {

    public enum Source {
        ROTATION, SHIFT
    }
}
