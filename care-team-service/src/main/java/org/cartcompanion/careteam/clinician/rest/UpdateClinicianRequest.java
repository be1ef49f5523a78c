package org.cartcompanion.careteam.clinician.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /api/v1/centers/{id}/clinicians/{clinicianId}}: the fields given change, the others stay. A phone given as an
 * empty string is removed; name and email cannot be.
 */
public record UpdateClinicianRequest(
        @Size(min = 1, max = 120) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Email @Size(min = 3, max = 254) String email,
        @Pattern(regexp = "^$|"
                + PhoneNumbers.E164, message = "must be an E.164 phone number such as +15550123, or empty to remove it") String phone) {
}
