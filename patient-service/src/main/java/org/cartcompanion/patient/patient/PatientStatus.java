package org.cartcompanion.patient.patient;

/**
 * A patient's place in the program. Only ACTIVE patients are reminded to check in and alerted about when they miss one; a
 * check-in from any of them is still triaged and paged. A DECEASED patient's record is closed to the patient side: their
 * subject and their caregivers no longer see it.
 */
public enum PatientStatus {
    ACTIVE, DISCHARGED, WITHDRAWN, DECEASED;

    /** Whether the patient and their caregivers still see the record. */
    public boolean openToPatientSide() {
        return this != DECEASED;
    }
}
