package org.cartcompanion.alert.triage;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /internal/v1/triage-events}, sent by patient-service's outbox relay. {@code product}, {@code patientPhone},
 * {@code language}, {@code centerPhone} and {@code timeZone} are additions to API.md (optional): what the clinician's page and
 * the patient's status need, also while care-team-service cannot be asked.
 */
public record TriageEventRequest(@NotNull UUID eventId, @NotNull UUID patientId, @NotNull UUID centerId, UUID checkInId,
        @NotNull Disposition disposition,
        @NotNull @Size(max = 60) List<@NotNull @Pattern(regexp = "[A-Za-z0-9_]{1,30}") String> firedRules,
        @NotNull @Min(-30) @Max(36500) Integer dayPostInfusion, @NotNull Phase phase, @Size(max = 2000) String summary,
        @NotNull OffsetDateTime occurredAt, @Pattern(regexp = "[A-Z_]{1,16}") String product,
        @Pattern(regexp = "\\+[1-9][0-9]{6,14}") String patientPhone, @Pattern(regexp = "en|es") String language,
        @Pattern(regexp = "\\+[1-9][0-9]{6,14}") String centerPhone, @Size(max = 64) String timeZone) {
}
