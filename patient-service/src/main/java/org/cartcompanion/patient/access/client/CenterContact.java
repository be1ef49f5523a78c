package org.cartcompanion.patient.access.client;

import java.util.UUID;

/** How a patient reaches their center. */
public record CenterContact(UUID id, String name, String timeZone, String phone, String hotlineEmail) {
}
