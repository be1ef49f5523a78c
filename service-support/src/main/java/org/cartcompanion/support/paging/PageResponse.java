package org.cartcompanion.support.paging;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every list of API.md: {@code { "items": [...], "nextCursor": "…" | null }}. */
public record PageResponse<T>(@Schema(required = true) List<T> items,
        @Schema(required = true, nullable = true, description = "The next page's cursor; null on the last") String nextCursor) {
}
