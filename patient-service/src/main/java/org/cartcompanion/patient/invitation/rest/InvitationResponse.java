package org.cartcompanion.patient.invitation.rest;

import java.time.Instant;
import java.util.UUID;

import org.cartcompanion.patient.caregiver.Relationship;
import org.cartcompanion.patient.invitation.Invitation;
import org.cartcompanion.patient.invitation.InvitationStatus;
import org.cartcompanion.patient.invitation.InvitedAs;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An invitation as the patient's center sees it: never its code. */
public record InvitationResponse(UUID id, UUID patientId, @JsonProperty("for") InvitedAs invitedAs, String name,
        Relationship relationship, String email, String phone, InvitationStatus status, String createdBy,
        Instant createdAt, Instant expiresAt, Instant mailedAt, String acceptedBy,
        Instant acceptedAt, Instant withdrawnAt) {

    public static InvitationResponse of(Invitation i, Instant now) {
        return new InvitationResponse(i.id, i.patientId, i.invitedAs, i.name, i.relationship, i.email, i.phone, i.status(now),
                i.createdBy, i.createdAt, i.expiresAt, i.mailedAt, i.acceptedBy, i.acceptedAt, i.withdrawnAt);
    }

}
