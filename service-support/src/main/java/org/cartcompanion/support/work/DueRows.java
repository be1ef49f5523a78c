package org.cartcompanion.support.work;

import java.util.List;
import java.util.Map;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * How a repository claims due rows: locked for the running transaction with {@code FOR UPDATE SKIP LOCKED}, so every replica
 * may run the same job and a row is worked by one at a time; rows another replica holds are passed over, not waited for.
 */
public final class DueRows {

    /** The locking clause every claim ends with. */
    public static final String SKIP_LOCKED = "FOR UPDATE SKIP LOCKED";

    private DueRows() {
    }

    /** Up to {@code :limit} rows of {@code table} that are {@code due}, in {@code order}, locked and skipping held ones. */
    public static String claim(String table, String due, String order) {
        return read(table, due, order) + " " + SKIP_LOCKED;
    }

    /**
     * Up to {@code :limit} rows of {@code table} that are {@code due}, in {@code order}, read only (EACH claims each itself).
     */
    public static String read(String table, String due, String order) {
        return "SELECT * FROM " + table + " WHERE " + due + " ORDER BY " + order + " LIMIT :limit";
    }

    /** The row {@code :id} of {@code table} if it is still {@code due} and no one holds it. */
    public static String claimOne(String table, String due) {
        return "SELECT * FROM " + table + " WHERE id = :id AND (" + due + ") " + SKIP_LOCKED;
    }

    /** Runs a claim in the current session; {@code parameters} name the query's {@code :parameters}. */
    public static <T> Uni<List<T>> list(Class<T> type, String sql, Map<String, Object> parameters) {
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql, type);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    /** Runs a claim of one row in the current session; null when it is not due or held elsewhere. */
    public static <T> Uni<T> one(Class<T> type, String sql, Map<String, Object> parameters) {
        return list(type, sql, parameters).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }
}
