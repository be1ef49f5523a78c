package org.cartcompanion.patient.patient.rest;

import java.util.List;
import java.util.UUID;

/**
 * {@code GET /internal/v1/patients/{id}/phones}: where alert-service texts a patient about their alert (acknowledged, nobody
 * answered): the patient's phone and their linked caregivers' that have one, and the patient's language. No names.
 */
public record PatientPhonesResponse(UUID patientId, String language, List<Phone> phones) {

    /** One phone and whose it is ({@code PATIENT} or {@code CAREGIVER}). */
    public record Phone(String phone, String who) {
    }
}
