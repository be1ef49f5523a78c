package org.cartcompanion.patient.push.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A browser's push subscription as its {@code PushSubscription.toJSON()} gives it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PushSubscriptionRequest(
        @NotBlank @Schema(required = true, description = "The push service's address for this browser") String endpoint,
        @NotNull @Valid @Schema(required = true) PushKeys keys) {

    public record PushKeys(@NotBlank @Schema(required = true, description = "base64url P-256 public key") String p256dh,
            @NotBlank @Schema(required = true, description = "base64url 16-byte secret") String auth) {
    }
}
