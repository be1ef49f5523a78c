package org.cartcompanion.careteam.clinician.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.cartcompanion.careteam.clinician.ContactMethodType;

/**
 * One entry of {@code PUT /api/v1/clinicians/{clinicianId}/contact-methods}: a channel, its address (an email for EMAIL, an
 * E.164 number for SMS and VOICE) and the seconds after the page it fires (0 to 3600).
 */
public record ContactMethodRequest(@NotNull ContactMethodType type, @NotBlank @Size(max = 254) String address,
        @NotNull @Min(0) @Max(3600) Integer delaySeconds) {
}
