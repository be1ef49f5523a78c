package org.cartcompanion.patient.invitation.rest;

import java.util.UUID;

import org.cartcompanion.patient.invitation.InvitedAs;

/** {@code POST /api/v1/invitations/{code}/accept}: whose record the caller has joined, and as whom. */
public record AcceptedInvitation(UUID patientId, InvitedAs role) {
}
