package org.cartcompanion.careteam.clinician.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.cartcompanion.careteam.clinician.ClinicianRole;

/** {@code POST /api/v1/centers/{id}/clinicians}. */
public record AddClinicianRequest(@NotBlank @Size(max = 255) String subject, @NotBlank @Size(max = 120) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @Pattern(regexp = PhoneNumbers.E164, message = "must be an E.164 phone number such as +15550123") String phone,
        @NotNull ClinicianRole role) {
}
