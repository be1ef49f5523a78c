package org.cartcompanion.careteam.clinician.rest;

import java.util.UUID;

import org.cartcompanion.careteam.clinician.CenterMembership;
import org.cartcompanion.careteam.clinician.Clinician;
import org.cartcompanion.careteam.clinician.ClinicianRole;

/** A clinician as known to one center. */
public record ClinicianResponse(UUID id, UUID centerId, String subject, String name, String email, String phone,
        ClinicianRole role) {

    public static ClinicianResponse of(Clinician k, CenterMembership m) {
        return new ClinicianResponse(k.id, m.centerId, k.subject, k.name, k.email, k.phone, m.role);
    }
}
