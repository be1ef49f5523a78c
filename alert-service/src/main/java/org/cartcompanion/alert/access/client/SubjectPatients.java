package org.cartcompanion.alert.access.client;

import java.util.List;
import java.util.UUID;

/** The patients a subject may read as patient-service decides it: themself, and the patients linked to them as caregiver. */
public record SubjectPatients(String subject, List<UUID> patientIds) {

    public static SubjectPatients none(String subject) {
        return new SubjectPatients(subject, List.of());
    }

    public boolean includes(UUID patientId) {
        return patientIds != null && patientIds.contains(patientId);
    }
}
