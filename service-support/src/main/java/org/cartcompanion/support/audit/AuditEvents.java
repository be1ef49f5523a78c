package org.cartcompanion.support.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.support.paging.PageResponse;
import org.cartcompanion.support.problem.ProblemException;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads a patient's audit trail, oldest first, a page at a time; renders it as CSV. */
@ApplicationScoped
public class AuditEvents {

    private static final String PAGE = "SELECT id, at, actor, roles, action, method, path, patient_id, status FROM audit_event"
            + " WHERE patient_id = $1 AND at >= $2 AND at < $3 AND id > $4 ORDER BY id LIMIT $5";

    private final Pool pool;

    public AuditEvents(Pool pool) {
        this.pool = pool;
    }

    public Uni<PageResponse<AuditEvent>> page(UUID patientId, Instant from, Instant to, String cursor, int limit) {
        long after = decode(cursor);
        return pool.preparedQuery(PAGE)
                .execute(Tuple.of(patientId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), after, limit + 1))
                .map(rows -> {
                    List<AuditEvent> events = new ArrayList<>();
                    for (Row r : rows) {
                        int status = r.getInteger("status");
                        events.add(new AuditEvent(r.getLong("id"), r.getOffsetDateTime("at").toInstant(),
                                r.getString("actor"), r.getString("roles"), r.getString("action"), r.getString("method"),
                                r.getString("path"), r.getUUID("patient_id"), status, AuditEvent.outcomeOf(status)));
                    }
                    boolean more = events.size() > limit;
                    List<AuditEvent> page = more ? events.subList(0, limit) : events;
                    return new PageResponse<>(List.copyOf(page), more ? encode(page.get(limit - 1).id()) : null);
                });
    }

    /** RFC 4180 CSV with a header row; fields quoted when they need it. */
    public static String csv(List<AuditEvent> events) {
        StringBuilder out = new StringBuilder("id,at,actor,roles,action,method,path,patientId,status,outcome\r\n");
        for (AuditEvent e : events) {
            out.append(e.id()).append(',').append(e.at()).append(',').append(field(e.actor())).append(',')
                    .append(field(e.roles())).append(',').append(field(e.action())).append(',').append(e.method())
                    .append(',').append(field(e.path())).append(',').append(e.patientId() == null ? "" : e.patientId())
                    .append(',').append(e.status()).append(',').append(e.outcome()).append("\r\n");
        }
        return out.toString();
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        // A leading = + - @ would be a formula to a spreadsheet: neutralised with a quote.
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static String encode(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("audit|" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith("audit|")) {
                throw new IllegalArgumentException(raw);
            }
            return Long.parseLong(raw.substring("audit|".length()));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor is not valid.");
        }
    }
}
