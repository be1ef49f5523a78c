package org.cartcompanion.careteam.handoff.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/handoffs/{id}/decline}: the center reads the reason. */
public record DeclineRequest(@NotBlank(message = "a decline needs a reason") @Size(max = 2000) String reason) {
}
