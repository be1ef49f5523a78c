package org.cartcompanion.careteam.routing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cartcompanion.careteam.clinician.Recipient;
import org.cartcompanion.careteam.routing.rules.Responsible;
import org.cartcompanion.careteam.team.CarePhase;

/** {@code GET /internal/v1/routing/patients/{id}}: who is responsible for this patient now, for this disposition. */
public record RoutingResponse(UUID patientId, UUID centerId, CarePhase phase, Responsible responsible,
        Map<String, List<Recipient>> onCall, List<Recipient> careTeam, List<Recipient> communityPhysicians,
        String fallbackEmail, String centerPhone) {
}
