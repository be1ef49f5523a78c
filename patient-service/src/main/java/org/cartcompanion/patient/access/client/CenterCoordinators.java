package org.cartcompanion.patient.access.client;

import java.util.List;
import java.util.UUID;

/** {@code GET /internal/v1/centers/{centerId}/coordinators} on care-team-service: who to tell of a center's tasks. */
public record CenterCoordinators(UUID centerId, String centerName, List<Coordinator> coordinators) {

    public record Coordinator(UUID clinicianId, String name, String email) {
    }
}
