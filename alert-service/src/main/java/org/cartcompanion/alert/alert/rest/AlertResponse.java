package org.cartcompanion.alert.alert.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.cartcompanion.alert.alert.Alert;
import org.cartcompanion.alert.alert.TimelineEntry;
import org.cartcompanion.alert.alert.service.AlertService;
import org.cartcompanion.alert.notification.Notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * An alert. Clinicians get everything, with the timeline and each notification's delivery (the staff view); a patient or
 * caregiver gets the status and the message the phone shows (the patient view: {@code timeline} and the clinical context are
 * left out). On the wire both are one flat object.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertResponse(@JsonUnwrapped Shared shared, @JsonUnwrapped Clinical clinical, String patientMessage,
        List<TimelineItem> timeline, List<Delivery> deliveries) {

    /** What everyone who may see the alert is told. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Shared(UUID id, UUID patientId, UUID centerId, String disposition, String status, OffsetDateTime openedAt,
            OffsetDateTime acknowledgedAt, String acknowledgedBy, OffsetDateTime resolvedAt, String outcome) {

        static Shared of(Alert a, String acknowledgedBy) {
            return new Shared(a.id, a.patientId, a.centerId, a.disposition.name(), a.status.name(), at(a.openedAt),
                    at(a.acknowledgedAt), acknowledgedBy, at(a.resolvedAt), a.outcome == null ? null : a.outcome.name());
        }
    }

    /** What the center's staff see besides: the check-in's clinical context and where escalation stands. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Clinical(Integer level, String note, Integer dayPostInfusion, String phase, String product, String summary,
            List<String> firedRules, String patientPhone, String responsible, OffsetDateTime nextStepAt) {

        static Clinical of(Alert a) {
            return new Clinical(a.level, a.resolutionNote, a.dayPostInfusion, a.phase.name(), a.product, a.summary,
                    a.firedRules, a.patientPhone, a.responsible == null ? null : a.responsible.name(), at(a.nextStepAt));
        }
    }

    public record TimelineItem(OffsetDateTime at, String type, String detail) {
    }

    /** One notification to one recipient on one channel, and how its delivery went. */
    public record Delivery(String recipient, String address, String channel, String purpose, int level, String status,
            int attempts, OffsetDateTime sentAt, String lastError) {
    }

    static AlertResponse of(AlertService.View view) {
        return view.timeline() == null ? forPatient(view.alert(), view.patientMessage())
                : forStaff(view.alert(), view.timeline(), view.deliveries());
    }

    /** The patient view: who acknowledged by the name they gave, and what to do now. */
    static AlertResponse forPatient(Alert a, String patientMessage) {
        return new AlertResponse(Shared.of(a, a.acknowledgedByName), null, patientMessage, null, null);
    }

    /** The staff view: everything, with the timeline and (when asked) each delivery. */
    static AlertResponse forStaff(Alert a, List<TimelineEntry> timeline, List<Notification> deliveries) {
        return new AlertResponse(Shared.of(a, a.acknowledger()), Clinical.of(a), null,
                timeline.stream().map(AlertResponse::item).toList(),
                deliveries == null ? null : deliveries.stream().map(AlertResponse::delivery).toList());
    }

    private static Delivery delivery(Notification n) {
        // A text to the patient or a caregiver went to their phone: not shown to every clinician who sees the alert.
        return new Delivery(n.recipientName, n.purpose.toPatient() ? null : n.address, n.channel.name(), n.purpose.name(),
                n.level, n.status.name(),
                n.attempts, at(n.sentAt), n.lastError);
    }

    private static TimelineItem item(TimelineEntry e) {
        return new TimelineItem(at(e.at), e.type.name(), e.detail);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
