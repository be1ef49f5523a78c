package org.cartcompanion.patient.invitation.rest;

import java.time.Instant;
import java.util.UUID;

import org.cartcompanion.patient.invitation.InvitedAs;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to creating an invitation: the only time its code is shown. */
public record InvitationCreated(UUID id, UUID patientId, @JsonProperty("for") InvitedAs invitedAs, String code,
        Instant expiresAt, String link) {
}
