package org.cartcompanion.alert.access.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One way to wake a clinician, as care-team-service names it: a channel ({@code EMAIL}, {@code SMS}, {@code VOICE}), its
 * address, and how long after they are paged it fires unless the alert is acknowledged first.
 */
public record ContactMethod(String type, String address, Integer delaySeconds) {

    public static ContactMethod email(String address) {
        return new ContactMethod("EMAIL", address, 0);
    }

    public Duration delay() {
        return Duration.ofSeconds(delaySeconds == null ? 0 : Math.max(0, delaySeconds));
    }

    /** Usable: a type and an address with no white space (the stored form relies on it). */
    boolean usable() {
        return type != null && !type.isBlank() && address != null && !address.isBlank() && !address.matches(".*\\s.*");
    }

    /** The methods as this service stores them with its paging directory: one per line, {@code TYPE delay address}. */
    public static String stored(List<ContactMethod> methods) {
        if (methods == null || methods.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (ContactMethod m : methods) {
            if (m != null && m.usable()) {
                text.append(text.isEmpty() ? "" : "\n").append(m.type()).append(' ').append(m.delay().toSeconds()).append(' ')
                        .append(m.address());
            }
        }
        return text.isEmpty() ? null : text.toString();
    }

    /** The methods read back from {@link #stored}; lines it cannot read are left out. */
    public static List<ContactMethod> read(String stored) {
        List<ContactMethod> methods = new ArrayList<>();
        if (stored == null) {
            return methods;
        }
        for (String line : stored.split("\n")) {
            String[] parts = line.split(" ", 3);
            if (parts.length == 3 && parts[1].matches("\\d{1,5}")) {
                methods.add(new ContactMethod(parts[0], parts[2], Integer.parseInt(parts[1])));
            }
        }
        return methods;
    }
}
