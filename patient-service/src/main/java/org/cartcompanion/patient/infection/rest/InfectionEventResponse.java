package org.cartcompanion.patient.infection.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.cartcompanion.patient.timeline.Phase;

/** An infection record with what the service derived from it. */
public record InfectionEventResponse(UUID id, UUID patientId, UUID centerId, InfectionEventBody recorded, int dayPostInfusion,
        List<String> timingBuckets, Phase phaseAtOnset, Boolean neutropenicAtOnset, boolean breakthroughOnProphylaxis,
        boolean cibmtrReportable, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {
}
