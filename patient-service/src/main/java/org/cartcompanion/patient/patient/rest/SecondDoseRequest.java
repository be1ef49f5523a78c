package org.cartcompanion.patient.patient.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/** {@code PUT /api/v1/patients/{id}/second-dose}: the date the second dose of a split-dose product was given. */
public record SecondDoseRequest(@NotNull LocalDate date) {
}
