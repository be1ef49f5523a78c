package org.cartcompanion.patient.lab.rest;

import java.time.Instant;
import java.time.LocalDate;

import org.cartcompanion.patient.lab.LabResult;
import org.cartcompanion.patient.lab.LabType;

/** A lab value as it was saved: {@code date} is the result's own date (null when none was given). */
public record LabResultResponse(LabType type, int value, String unit, LocalDate date, Instant recordedAt, String recordedBy) {

    public static LabResultResponse of(LabResult r) {
        return new LabResultResponse(r.type, r.value, r.type.unit(), r.resultDate, r.recordedAt, r.recordedBy);
    }
}
