package org.cartcompanion.careteam.oncall.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.cartcompanion.careteam.oncall.schedule.Assignment;
import org.cartcompanion.careteam.oncall.service.OnCallService.Calendar;

/**
 * A clinician's on-call calendar as RFC 5545 iCalendar. Times are written in UTC, so every calendar program places a turn that
 * spans a daylight-saving change where it really is.
 */
final class ICalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private ICalendar() {
    }

    static String of(Calendar calendar) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//CAR-T Companion//On-call//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "X-WR-CALNAME:" + text("On call: " + calendar.center().name));
        line(ics, "X-WR-TIMEZONE:" + calendar.center().timeZone);
        for (Assignment a : calendar.assignments()) {
            line(ics, "BEGIN:VEVENT");
            // Stable from one fetch to the next, so subscribed calendars update events rather than replace them.
            line(ics, "UID:" + a.sourceId() + "-" + a.tier() + "-" + a.turn() + "-" + a.start().getEpochSecond()
                    + "@cart-companion");
            line(ics, "DTSTAMP:" + utc(calendar.generatedAt()));
            line(ics, "DTSTART:" + utc(a.start()));
            line(ics, "DTEND:" + utc(a.end()));
            line(ics, "SUMMARY:" + text(a.tier() + " on call – " + calendar.center().name
                    + (a.source() == Assignment.Source.SHIFT ? " (shift)" : "")));
            line(ics, "DESCRIPTION:" + text("CAR-T Companion on-call " + a.tier() + " for " + calendar.clinician().name
                    + ". Center line: " + calendar.center().phone + "."));
            line(ics, "TRANSP:OPAQUE");
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    private static String utc(Instant instant) {
        return UTC.format(instant);
    }

    /** Escapes a TEXT value (RFC 5545 §3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** Appends a content line, folded so that no line exceeds 75 octets (RFC 5545 §3.1), ended by CRLF. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        for (int i = 0; i < content.length();) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
