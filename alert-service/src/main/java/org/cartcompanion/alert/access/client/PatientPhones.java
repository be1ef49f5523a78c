package org.cartcompanion.alert.access.client;

import java.util.List;
import java.util.UUID;

/** patient-service's answer: where to text a patient about their alert (theirs and their caregivers'), and their language. */
public record PatientPhones(UUID patientId, String language, List<Phone> phones) {

    public record Phone(String phone, String who) {
    }
}
