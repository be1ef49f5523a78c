package org.cartcompanion.patient.patient.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.cartcompanion.patient.patient.PatientStatus;

/** {@code PUT /api/v1/patients/{id}/status}. */
public record StatusRequest(@NotNull PatientStatus status, @Size(max = 500) String reason) {
}
