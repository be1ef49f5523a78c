package org.cartcompanion.careteam.center.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.cartcompanion.careteam.clinician.rest.PhoneNumbers;

/** {@code POST /api/v1/centers}. */
public record CreateCenterRequest(@NotBlank @Size(max = 160) String name, @NotBlank @Size(max = 64) String timeZone,
        @NotBlank @Pattern(regexp = PhoneNumbers.E164, message = "must be an E.164 phone number such as +15550123") String phone,
        @NotBlank @Email @Size(max = 254) String hotlineEmail) {
}
