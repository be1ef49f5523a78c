package org.cartcompanion.patient.caregiver.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.cartcompanion.patient.caregiver.Relationship;
import org.cartcompanion.patient.patient.rest.PhoneNumbers;

/** {@code POST /api/v1/patients/{id}/caregivers}. */
public record LinkCaregiverRequest(@NotBlank @Size(max = 255) String subject, @NotBlank @Size(max = 120) String name,
        @NotNull Relationship relationship, @Email @Size(max = 254) String email,
        @Pattern(regexp = PhoneNumbers.E164, message = "must be an E.164 phone number such as +15550123") String phone) {
}
