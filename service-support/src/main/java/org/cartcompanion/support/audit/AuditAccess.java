package org.cartcompanion.support.audit;

import java.util.UUID;

import org.cartcompanion.support.security.Caller;

import io.smallrye.mutiny.Uni;

/**
 * Who may read a patient's audit trail in this service: an admin, or a coordinator of the patient's center (by membership).
 * Each service implements it with what it knows of the patient's center. Fails with 404 when the caller may not (or the patient
 * is unknown here and the caller is no admin), 403 for the center's staff who are not its coordinators.
 */
public interface AuditAccess {

    /** Called in the request: read what is needed of {@code caller} before going asynchronous. */
    Uni<Void> mayRead(UUID patientId, Caller caller);
}
