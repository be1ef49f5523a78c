package org.cartcompanion.alert.alert.service;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.cartcompanion.alert.alert.Alert;
import org.cartcompanion.alert.triage.Disposition;

/** What the phone shows about an alert, in the patient's language (English or Spanish). */
public final class PatientMessages {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private PatientMessages() {
    }

    public static String of(Alert alert) {
        boolean es = "es".equals(alert.language);
        String phone = alert.centerPhone;
        String call = phone == null
                ? (es ? "llame a su centro de CAR-T" : "call your CAR-T center")
                : (es ? "llame al centro al " + phone : "call the center at " + phone);
        String emergency = alert.disposition == Disposition.EMERGENCY
                ? (es ? "Si todavía no llamó al 911, llame ahora. " : "If you have not called 911 yet, call now. ")
                : "";
        return emergency + switch (alert.status) {
        case TRIGGERED -> es
                ? "Avisamos a su equipo de CAR-T y esperamos su respuesta. Si nadie le llama pronto, " + call + "."
                : "Your CAR-T care team has been paged and we are waiting for an answer. If nobody calls you soon, "
                        + call + ".";
        case ACKNOWLEDGED -> {
            String who = alert.acknowledgedByName != null ? alert.acknowledgedByName
                    : (es ? "Su equipo de CAR-T" : "Your CAR-T care team");
            String at = alert.acknowledgedAt == null ? "" : " (" + time(alert) + ")";
            yield es ? who + " recibió su aviso" + at + " y se comunicará con usted. Si empeora, " + call + "."
                    : who + " acknowledged" + at + " and will contact you. If you feel worse, " + call + ".";
        }
        case EXHAUSTED -> es
                ? "Todavía no hay respuesta: " + call + ". Si nadie contesta, vaya al servicio de urgencias más cercano "
                        + "y muestre su tarjeta de CAR-T."
                : "No answer yet: " + call + ". If nobody answers, go to the nearest emergency department and show "
                        + "your CAR-T wallet card.";
        case RESOLVED -> es ? "Su equipo de CAR-T cerró este aviso." : "Your CAR-T care team closed this alert.";
        };
    }

    /** The acknowledgement time in the patient's zone, or in UTC when the zone is unknown. */
    private static String time(Alert alert) {
        return alert.timeZone == null ? UTC_TIME.format(alert.acknowledgedAt)
                : LOCAL_TIME.format(alert.acknowledgedAt.atZone(ZoneId.of(alert.timeZone)));
    }
}
