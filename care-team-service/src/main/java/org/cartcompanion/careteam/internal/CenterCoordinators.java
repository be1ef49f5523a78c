package org.cartcompanion.careteam.internal;

import java.util.List;
import java.util.UUID;

import org.cartcompanion.careteam.clinician.Recipient;

/** {@code GET /internal/v1/centers/{centerId}/coordinators}: who runs the center's patients' records, to be told of tasks. */
public record CenterCoordinators(UUID centerId, String centerName, List<Recipient> coordinators) {
}
