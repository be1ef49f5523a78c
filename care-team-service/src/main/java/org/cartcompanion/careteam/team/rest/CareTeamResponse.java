package org.cartcompanion.careteam.team.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.cartcompanion.careteam.clinician.ClinicianRole;
import org.cartcompanion.careteam.team.CarePhase;

/** A patient's care team with each member's contact details. */
public record CareTeamResponse(UUID patientId, UUID centerId, CarePhase phase, List<Member> members, Instant updatedAt) {

    public record Member(UUID clinicianId, ClinicianRole role, String name, String email, String phone) {
    }
}
