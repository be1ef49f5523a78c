package org.cartcompanion.alert.escalation.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.cartcompanion.alert.access.client.Recipient;
import org.cartcompanion.alert.escalation.engine.Notice;
import org.cartcompanion.alert.escalation.engine.Target;
import org.cartcompanion.alert.notification.Purpose;

/**
 * Whom one notice pages, without I/O: the people its targets name (each once, with the ways they chose to be woken), the
 * acknowledger when the notice is for them, and the fallback address in place of anyone who cannot be paged, so that no notice
 * pages nobody.
 */
final class Recipients {

    /** The acknowledger of the alert: their address, or only a name when none is known; null when nobody acknowledged. */
    record Acknowledger(Recipient recipient, String name) {
    }

    /** Who is paged, in order, and why the fallback was added (one line per gap, for the timeline). */
    record Paging(List<Recipient> recipients, List<String> gaps) {
    }

    private Recipients() {
    }

    static Paging resolve(Notice notice, Roster roster, Acknowledger acknowledger, Supplier<String> fallback) {
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        List<String> gaps = new ArrayList<>();
        for (Target target : notice.targets()) {
            List<Recipient> found = roster.resolve(target);
            if (found.isEmpty()) {
                gaps.add(target.code() + " names nobody " + where(roster) + "; the fallback address is paged instead");
            }
            for (Recipient r : found) {
                if (r.methods().isEmpty()) {
                    gaps.add(r.name() + " has no email address or other contact method; the fallback address is paged "
                            + "instead");
                } else {
                    recipients.putIfAbsent(key(r), r);
                }
            }
        }
        if (notice.toAcknowledger() && acknowledger != null) {
            if (acknowledger.recipient() != null) {
                recipients.putIfAbsent(key(acknowledger.recipient()), acknowledger.recipient());
            } else {
                gaps.add("No email address is known for " + acknowledger.name() + "; the fallback address is paged");
            }
        }
        if (notice.purpose() == Purpose.FALLBACK || !gaps.isEmpty()) {
            String address = fallback.get();
            recipients.putIfAbsent("email:" + address.toLowerCase(), new Recipient(null, "Center fallback", address, null));
        }
        return new Paging(List.copyOf(recipients.values()), gaps);
    }

    /** One page per person: by clinician where known, else by email address. */
    private static String key(Recipient r) {
        return r.clinicianId() != null ? "clinician:" + r.clinicianId() : "email:" + r.email().toLowerCase();
    }

    private static String where(Roster roster) {
        return roster.routing().isPresent() ? "right now"
                : roster.stored().isPresent() ? "in the stored directory" : "(routing unavailable)";
    }
}
