package org.cartcompanion.alert.notification.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cartcompanion.alert.alert.Alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a webhook is posted, written when the event happens: a CloudEvents 1.0 JSON event ({@code type}
 * {@code org.cartcompanion.alert.<EVENT>}, {@code data} the alert's state then, never the patient's name or id), or the message
 * a Slack or Microsoft Teams incoming webhook takes.
 */
final class WebhookBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookBodies() {
    }

    static String body(String format, AlertEvent event, UUID eventId, Alert alert, Instant at, String consoleUrl) {
        Object body = switch (format) {
        case "SLACK" -> slack(event, alert, consoleUrl);
        case "TEAMS" -> teams(event, alert, consoleUrl);
        default -> cloudEvent(event, eventId, alert, at, consoleUrl);
        };
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook body could not be written", e);
        }
    }

    /** The media type the body is posted as. */
    static String mediaType(String format) {
        return "CLOUDEVENTS".equals(format) ? "application/cloudevents+json" : "application/json";
    }

    private static Map<String, Object> cloudEvent(AlertEvent event, UUID eventId, Alert alert, Instant at,
            String consoleUrl) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", alert.id.toString());
        data.put("centerId", alert.centerId.toString());
        data.put("event", event.name());
        data.put("status", alert.status.name());
        data.put("disposition", alert.disposition.name());
        data.put("level", alert.level);
        data.put("dayPostInfusion", alert.dayPostInfusion);
        data.put("phase", alert.phase.name());
        data.put("product", alert.product);
        data.put("firedRules", alert.firedRules == null ? List.of() : alert.firedRules);
        data.put("openedAt", alert.openedAt.toString());
        data.put("acknowledgedAt", alert.acknowledgedAt == null ? null : alert.acknowledgedAt.toString());
        data.put("acknowledgedBy", alert.acknowledger());
        data.put("resolvedAt", alert.resolvedAt == null ? null : alert.resolvedAt.toString());
        data.put("outcome", alert.outcome == null ? null : alert.outcome.name());
        data.put("consoleUrl", consoleUrl);
        Map<String, Object> ce = new LinkedHashMap<>();
        ce.put("specversion", "1.0");
        ce.put("id", eventId.toString());
        ce.put("source", "urn:cart-companion:alert-service:centers:" + alert.centerId);
        ce.put("type", "org.cartcompanion.alert." + event.name());
        ce.put("subject", alert.id.toString());
        ce.put("time", at.toString());
        ce.put("datacontenttype", "application/json");
        ce.put("data", data);
        return ce;
    }

    /** One line a person reads in a channel: the disposition and day, what happened, who; a link to the console. */
    private static String line(AlertEvent event, Alert alert) {
        String what = "CAR-T alert " + alert.disposition + " (day " + alert.dayPostInfusion + " after infusion) "
                + event.words();
        return switch (event) {
        case ALERT_ESCALATED -> what + ": level " + alert.level + " paged";
        case ALERT_ACKNOWLEDGED -> what + " by " + alert.acknowledger();
        case ALERT_RESOLVED -> what + (alert.outcome == null ? "" : ": " + alert.outcome);
        case ALERT_EXHAUSTED -> what + ": the hotline is paged, find a clinician now";
        case ALERT_OPENED -> what + ": the on-call is paged";
        };
    }

    private static Map<String, Object> slack(AlertEvent event, Alert alert, String consoleUrl) {
        return Map.of("text", line(event, alert) + ". <" + consoleUrl + "|Open in the console>");
    }

    private static Map<String, Object> teams(AlertEvent event, Alert alert, String consoleUrl) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        card.put("body", List.of(Map.of("type", "TextBlock", "text", line(event, alert), "wrap", true, "weight",
                event == AlertEvent.ALERT_EXHAUSTED ? "Bolder" : "Default")));
        card.put("actions", List.of(Map.of("type", "Action.OpenUrl", "title", "Open in the console", "url", consoleUrl)));
        return Map.of("type", "message", "attachments", List.of(Map.of("contentType",
                "application/vnd.microsoft.card.adaptive", "content", card)));
    }
}
