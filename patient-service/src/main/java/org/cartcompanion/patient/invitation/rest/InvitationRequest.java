package org.cartcompanion.patient.invitation.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.cartcompanion.patient.caregiver.Relationship;
import org.cartcompanion.patient.invitation.InvitedAs;
import org.cartcompanion.patient.patient.rest.PhoneNumbers;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /api/v1/patients/{id}/invitations}. A caregiver's invitation names them and how they are related (their link is
 * made from it when they accept); a patient's needs neither. The email, when given, is where the invitation is mailed.
 */
public record InvitationRequest(@JsonProperty("for") @NotNull InvitedAs invitedAs, @Size(max = 120) String name,
        Relationship relationship, @Email @Size(max = 254) String email,
        @Pattern(regexp = PhoneNumbers.E164, message = "must be an E.164 phone number such as +15550123") String phone) {
}
