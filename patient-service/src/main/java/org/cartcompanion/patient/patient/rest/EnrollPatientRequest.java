package org.cartcompanion.patient.patient.rest;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.cartcompanion.patient.patient.Disease;
import org.cartcompanion.patient.patient.Language;
import org.cartcompanion.patient.patient.Product;

/** {@code POST /api/v1/patients}. Without a subject the patient joins later by invitation. */
public record EnrollPatientRequest(@NotNull UUID centerId,
        @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = 255) String subject,
        @NotBlank @Size(max = 120) String displayName, @NotNull @Min(1900) @Max(2100) Integer birthYear,
        @NotBlank @Size(max = 64) String timeZone, @NotNull LocalDate infusionDate, LocalDate secondDoseDate,
        @NotNull Product product, @NotNull Disease disease, @Size(max = 64) String externalId,
        @Pattern(regexp = PhoneNumbers.E164, message = "must be an E.164 phone number such as +15550123") String phone,
        @Email @Size(max = 254) String email, Language language) {
}
