package org.cartcompanion.support.paging;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every list of API.md: {@code { "items": [...], "nextCursor": "…" | null }}. */
public record PageResponse<T>(@Schema(required = true) List<T> items,
        @Schema(required = true, nullable = true, description = "The next page's cursor; null on the last") String nextCursor) {

    /**
     * One page from rows read with one look-ahead row beyond {@code size}: the first {@code size} rows mapped, and the cursor
     * of the last of them when the look-ahead row says another page follows.
     */
    public static <R, T> PageResponse<T> of(List<R> rows, int size, Function<R, Cursor> cursorOf, Function<R, T> map) {
        List<R> page = rows.size() > size ? rows.subList(0, size) : rows;
        String next = rows.size() > size ? cursorOf.apply(page.get(size - 1)).encode() : null;
        return new PageResponse<>(page.stream().map(map).toList(), next);
    }
}
