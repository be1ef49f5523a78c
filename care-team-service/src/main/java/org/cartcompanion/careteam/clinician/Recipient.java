package org.cartcompanion.careteam.clinician;

import java.util.UUID;

/** A person to notify or to call: what the API, routing and the console show of a clinician. */
public record Recipient(UUID clinicianId, String name, String email, String phone) {

    public static Recipient of(Clinician c) {
        return new Recipient(c.id, c.name, c.email, c.phone);
    }
}
