package org.cartcompanion.careteam.console;

import java.util.Comparator;
import java.util.List;

/**
 * The order of the console's alert list, most urgent first: the worse disposition; within it, an exhausted chain (nobody
 * answered) before an unanswered one before an acknowledged one; then the one waiting longest.
 */
public final class Urgency {

    private static final List<String> DISPOSITIONS = List.of("EMERGENCY", "CENTER_NOW", "CENTER_SAME_DAY",
            "COMMUNITY_24H", "SELF_CARE");
    private static final List<String> STATUSES = List.of("EXHAUSTED", "TRIGGERED", "ACKNOWLEDGED", "RESOLVED");

    /** An alert as the list orders it; {@code openedAt} is ISO-8601 with offset and compares as an instant. */
    public record Item(String disposition, String status, java.time.Instant openedAt) {
    }

    public static final Comparator<Item> MOST_URGENT_FIRST = Comparator
            .comparingInt((Item i) -> rank(DISPOSITIONS, i.disposition())).thenComparingInt(i -> rank(STATUSES, i.status()))
            .thenComparing(Item::openedAt);

    private Urgency() {
    }

    private static int rank(List<String> order, String value) {
        int i = order.indexOf(value);
        return i < 0 ? order.size() : i;
    }
}
