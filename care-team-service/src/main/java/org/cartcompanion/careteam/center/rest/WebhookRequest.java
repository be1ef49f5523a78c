package org.cartcompanion.careteam.center.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One webhook as a coordinator saves it: its URL, the events it wants, and optionally its shape (CloudEvents by default). */
public record WebhookRequest(@NotBlank @Size(max = 2000) String url,
        @NotNull @Size(min = 1, max = 5) List<@NotBlank String> events, String format) {
}
