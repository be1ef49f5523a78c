package org.cartcompanion.support.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deletes what is kept only for a while, a batch at a time: the service's own rules ({@link RetentionRules}) and the audit
 * trail past {@code cart.retention.audit} (default six years, which is also the floor: the table's trigger refuses to delete
 * younger rows, so a shorter setting is raised to it). Runs every {@code cart.retention.check-every} (6 h); replicas may run it
 * at once, each batch is a statement of its own.
 */
@ApplicationScoped
public class RetentionPurge {

    /** The audit trail's floor: six years, as the database trigger enforces (HIPAA keeps documentation six years). */
    public static final Duration AUDIT_FLOOR = Duration.ofDays(2192);
    static final int BATCH = 1000;
    static final int MAX_BATCHES = 100;

    private final Pool pool;
    private final Instance<RetentionRules> services;
    private final Duration auditKeep;
    private final Clock clock;

    public RetentionPurge(Pool pool, Instance<RetentionRules> services, Clock clock,
            @ConfigProperty(name = "cart.retention.audit", defaultValue = "P2192D") Duration auditKeep) {
        this.pool = pool;
        this.services = services;
        this.clock = clock;
        if (auditKeep.compareTo(AUDIT_FLOOR) < 0) {
            Log.warnf("cart.retention.audit=%s is shorter than the six-year floor; the audit trail is kept six years",
                    auditKeep);
        }
        this.auditKeep = auditKeep.compareTo(AUDIT_FLOOR) < 0 ? AUDIT_FLOOR : auditKeep;
    }

    @Scheduled(every = "${cart.retention.check-every:6h}", delayed = "${cart.retention.first-after:10m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purgeNow(clock.instant()).replaceWithVoid().onFailure().recoverWithItem(e -> {
            Log.warnf("The retention purge failed; it runs again later: %s", e.toString());
            return null;
        });
    }

    /** Every rule's purge as of {@code now}: how many rows each deleted, by rule name. */
    public Uni<Map<String, Long>> purgeNow(Instant now) {
        List<RetentionRule> rules = new ArrayList<>();
        services.forEach(s -> rules.addAll(s.rules()));
        Map<String, Long> deleted = new LinkedHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RetentionRule rule : rules) {
            chain = chain.flatMap(v -> purge(rule, now.minus(rule.keep()), 0, 0L)).invoke(n -> deleted.put(rule.name(), n))
                    .replaceWithVoid();
        }
        return chain.flatMap(v -> purgeAudit(now.minus(auditKeep), 0, 0L)).invoke(n -> deleted.put("audit", n))
                .map(v -> {
                    deleted.forEach((name, n) -> {
                        if (n > 0) {
                            Log.infof("Retention: %d %s row(s) past their keeping time deleted", n, name);
                        }
                    });
                    return deleted;
                });
    }

    private Uni<Long> purge(RetentionRule rule, Instant cutoff, int batches, long sofar) {
        String sql = "DELETE FROM " + rule.table() + " WHERE " + rule.idColumn() + " IN (SELECT " + rule.idColumn()
                + " FROM " + rule.table() + " WHERE " + rule.timeColumn() + " < $1"
                + (rule.condition() == null ? "" : " AND (" + rule.condition() + ")") + " LIMIT " + BATCH + ")";
        return pool.preparedQuery(sql).execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC))).flatMap(rows -> {
            long total = sofar + rows.rowCount();
            return rows.rowCount() < BATCH || batches + 1 >= MAX_BATCHES ? Uni.createFrom().item(total)
                    : purge(rule, cutoff, batches + 1, total);
        });
    }

    /** The audit trail's rows older than the cutoff, in a transaction that declares itself the purge to the trigger. */
    private Uni<Long> purgeAudit(Instant cutoff, int batches, long sofar) {
        return pool.withTransaction(c -> c.query("SET LOCAL cart.audit_purge = 'on'").execute()
                .flatMap(set -> c.preparedQuery("DELETE FROM audit_event WHERE id IN (SELECT id FROM audit_event"
                        + " WHERE at < $1 ORDER BY at LIMIT " + BATCH + ")")
                        .execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC)))))
                .flatMap(rows -> {
                    long total = sofar + rows.rowCount();
                    return rows.rowCount() < BATCH || batches + 1 >= MAX_BATCHES ? Uni.createFrom().item(total)
                            : purgeAudit(cutoff, batches + 1, total);
                });
    }
}
