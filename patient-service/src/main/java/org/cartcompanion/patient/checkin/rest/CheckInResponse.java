package org.cartcompanion.patient.checkin.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.cartcompanion.patient.checkin.CheckInRecord;
import org.cartcompanion.patient.timeline.Phase;
import org.cartcompanion.patient.triage.Disposition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A check-in as the phone and the console see it (API.md), with what was reported. */
public record CheckInResponse(@Schema(required = true) UUID id, @Schema(required = true) Instant recordedAt,
        @Schema(required = true) Instant receivedAt, @Schema(required = true) CheckInRecord.Reporter reportedBy,
        @Schema(required = true) int dayPostInfusion, @Schema(required = true) Phase phase,
        @Schema(required = true) Triage triage, @Schema(required = true) boolean alertRequested,
        @Schema(required = true) Reported reported) {

    /** callNumber is null when no center number was at hand (care-team-service unreachable); the text then names none. */
    public record Triage(@Schema(required = true) Disposition disposition, @Schema(required = true) List<String> firedRules,
            @Schema(required = true) String ruleSetVersion, @Schema(required = true) String instructions,
            @Schema(nullable = true) String callNumber) {
    }

    /** The values as entered; the temperature also in °C. Null where nothing was entered; symptoms empty then. */
    public record Reported(Double temperatureValue, String temperatureUnit, String temperatureMethod, Double temperatureC,
            Boolean antipyreticLast6h, Integer spo2, Integer heartRate, Integer systolicBp, Integer respiratoryRate,
            @Schema(required = true) List<String> symptoms, Integer stoolsAboveBaseline, Integer iceScore, String note) {
    }

    public static CheckInResponse of(CheckInRecord r) {
        return new CheckInResponse(r.id, r.recordedAt, r.receivedAt, r.reportedBy, r.dayPostInfusion, r.phase,
                new Triage(r.disposition, split(r.firedRules), r.ruleSetVersion, r.instructions, r.callNumber),
                r.alertRequested,
                new Reported(r.temperatureValue == null ? null : r.temperatureValue.doubleValue(), r.temperatureUnit,
                        r.temperatureMethod, r.temperatureC == null ? null : r.temperatureC.doubleValue(), r.antipyreticLast6h,
                        r.spo2, r.heartRate, r.systolicBp, r.respiratoryRate, split(r.symptoms), r.stoolsAboveBaseline,
                        r.iceScore, r.note));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }
}
