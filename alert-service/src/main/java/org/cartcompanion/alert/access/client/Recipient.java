package org.cartcompanion.alert.access.client;

import java.util.UUID;

/** A person to notify, as care-team-service names them. */
public record Recipient(UUID clinicianId, String name, String email, String phone) {
}
