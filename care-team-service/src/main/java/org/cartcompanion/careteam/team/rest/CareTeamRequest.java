package org.cartcompanion.careteam.team.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.cartcompanion.careteam.clinician.ClinicianRole;
import org.cartcompanion.careteam.team.CarePhase;

/** {@code PUT /api/v1/care-teams/{patientId}}. */
public record CareTeamRequest(@NotNull UUID centerId, @NotNull CarePhase phase,
        @NotNull @Size(max = 50) List<@Valid @NotNull Member> members) {

    public record Member(@NotNull UUID clinicianId, @NotNull ClinicianRole role) {
    }
}
