package org.cartcompanion.patient.caregiver.rest;

import java.time.Instant;
import java.util.UUID;

import org.cartcompanion.patient.caregiver.CaregiverLink;
import org.cartcompanion.patient.caregiver.Relationship;

public record CaregiverResponse(UUID id, UUID patientId, String subject, String name, Relationship relationship,
        String email, String phone, Instant createdAt) {

    public static CaregiverResponse of(CaregiverLink link) {
        return new CaregiverResponse(link.id, link.patientId, link.subject, link.name, link.relationship, link.email,
                link.phone, link.createdAt);
    }
}
