package org.cartcompanion.alert.access.client;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cartcompanion.alert.escalation.engine.Responsible;
import org.cartcompanion.alert.escalation.engine.Tier;

/** care-team-service's answer to "who is responsible for this patient now, for this disposition". */
public record Routing(UUID patientId, UUID centerId, String phase, Responsible responsible,
        Map<String, List<Recipient>> onCall, List<Recipient> careTeam, List<Recipient> communityPhysicians,
        String fallbackEmail, String centerPhone) {

    public List<Recipient> onCall(Tier tier) {
        return onCall == null ? List.of() : onCall.getOrDefault(tier.name(), List.of());
    }

    public List<Recipient> careTeamOrEmpty() {
        return careTeam == null ? List.of() : careTeam;
    }

    public List<Recipient> communityPhysiciansOrEmpty() {
        return communityPhysicians == null ? List.of() : communityPhysicians;
    }
}
