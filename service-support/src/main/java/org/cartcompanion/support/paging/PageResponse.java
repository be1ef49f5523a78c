package org.cartcompanion.support.paging;

import java.util.List;

/** Every list of API.md: {@code { "items": [...], "nextCursor": "…" | null }}. */
public record PageResponse<T>(List<T> items, String nextCursor) {
}
