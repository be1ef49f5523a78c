package org.cartcompanion.patient.checkin.rest;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.cartcompanion.patient.triage.Symptom;
import org.cartcompanion.patient.triage.Temperature;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** {@code POST /api/v1/patients/{id}/check-ins} (API.md). All but {@code recordedAt} optional. */
public record CheckInRequest(
        @NotNull OffsetDateTime recordedAt,
        @Valid TemperatureBody temperature,
        Boolean antipyreticLast6h,
        @Valid VitalsBody vitals,
        @Size(max = 40) List<@NotNull Symptom> symptoms,
        @Min(0) @Max(50) Integer stoolsAboveBaseline,
        @Min(0) @Max(10) Integer iceScore,
        @Size(max = 1000) String note) {

    /** 30–45 °C or 86–113 °F. */
    public record TemperatureBody(@NotNull Double value, @NotNull Temperature.Unit unit, Temperature.Method method) {

        @JsonIgnore
        @AssertTrue(message = "must be 30–45 °C or 86–113 °F")
        public boolean isValueInRange() {
            if (value == null || unit == null) {
                return true;
            }
            return unit == Temperature.Unit.C ? value >= 30 && value <= 45 : value >= 86 && value <= 113;
        }
    }

    public record VitalsBody(
            @Min(50) @Max(100) Integer spo2,
            @Min(20) @Max(250) Integer heartRate,
            @Min(40) @Max(300) Integer systolicBp,
            @Min(4) @Max(80) Integer respiratoryRate) {
    }
}
