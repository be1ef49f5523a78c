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

/**
 * An alert. Clinicians get everything, with the timeline and each notification's delivery; a patient or caregiver gets the
 * status and the message the phone shows ({@code timeline} and the clinical context are left out).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertResponse(UUID id, UUID patientId, UUID centerId, String disposition, String status, Integer level,
        OffsetDateTime openedAt, OffsetDateTime acknowledgedAt, String acknowledgedBy, OffsetDateTime resolvedAt,
        String outcome, String note, Integer dayPostInfusion, String phase, String product, String summary,
        List<String> firedRules, String patientPhone, String responsible, OffsetDateTime nextStepAt,
        String patientMessage, List<TimelineItem> timeline, List<Delivery> deliveries) {

    public record TimelineItem(OffsetDateTime at, String type, String detail) {
    }

    /** One notification to one recipient on one channel, and how its delivery went. */
    public record Delivery(String recipient, String address, String channel, String purpose, int level, String status,
            int attempts, OffsetDateTime sentAt, String lastError) {
    }

    static AlertResponse of(AlertService.View view) {
        Alert a = view.alert();
        if (view.timeline() == null) {
            return new AlertResponse(a.id, a.patientId, a.centerId, a.disposition.name(), a.status.name(), null,
                    at(a.openedAt), at(a.acknowledgedAt), a.acknowledgedByName, at(a.resolvedAt),
                    a.outcome == null ? null : a.outcome.name(), null, null, null, null, null, null, null, null, null,
                    view.patientMessage(), null, null);
        }
        return new AlertResponse(a.id, a.patientId, a.centerId, a.disposition.name(), a.status.name(), a.level,
                at(a.openedAt), at(a.acknowledgedAt), a.acknowledger(), at(a.resolvedAt),
                a.outcome == null ? null : a.outcome.name(), a.resolutionNote, a.dayPostInfusion, a.phase.name(), a.product,
                a.summary, a.firedRules, a.patientPhone, a.responsible == null ? null : a.responsible.name(),
                at(a.nextStepAt), null, view.timeline().stream().map(AlertResponse::item).toList(),
                view.deliveries() == null ? null : view.deliveries().stream().map(AlertResponse::delivery).toList());
    }

    private static Delivery delivery(Notification n) {
        return new Delivery(n.recipientName, n.address, n.channel.name(), n.purpose.name(), n.level, n.status.name(),
                n.attempts, at(n.sentAt), n.lastError);
    }

    private static TimelineItem item(TimelineEntry e) {
        return new TimelineItem(at(e.at), e.type.name(), e.detail);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
