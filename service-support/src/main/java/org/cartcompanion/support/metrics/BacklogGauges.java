package org.cartcompanion.support.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The service's backlogs as gauges, read from the database every {@code cart.metrics.backlog-every} (10 s):
 * {@code cart_backlog_rows{backlog}} (rows waiting) and {@code cart_backlog_oldest_age_seconds{backlog}} (how long the one due
 * longest has waited; 0 when none waits). These are what the alerting rules watch: unlike a job's own counters they keep
 * growing when the job is stuck. Each backlog is read on its own; a read that fails leaves that backlog's last figures, is
 * logged and is retried at the next tick. {@code cart_backlog_read_timestamp_seconds{backlog}} is when each was last read, so a
 * rule sees figures gone stale (the database unreachable while the process still answers scrapes).
 */
@Startup
@ApplicationScoped
public class BacklogGauges {

    private record Figures(AtomicLong rows, AtomicLong oldestMillis, AtomicLong readAtMillis, AtomicBoolean failing) {
    }

    private final Pool pool;
    private final Clock clock;
    private final List<Backlog> backlogs = new ArrayList<>();
    private final Map<String, Figures> figures = new ConcurrentHashMap<>();

    public BacklogGauges(Pool pool, Instance<Backlogs> services, Clock clock, MeterRegistry registry) {
        this.pool = pool;
        this.clock = clock;
        services.forEach(s -> backlogs.addAll(s.backlogs()));
        for (Backlog b : backlogs) {
            Figures f = new Figures(new AtomicLong(), new AtomicLong(), new AtomicLong(clock.instant().toEpochMilli()),
                    new AtomicBoolean());
            figures.put(b.name(), f);
            Gauge.builder("cart.backlog.rows", f.rows(), AtomicLong::get).tag("backlog", b.name())
                    .description("Rows of the backlog waiting to be done").register(registry);
            Gauge.builder("cart.backlog.oldest.age", f.oldestMillis(), v -> v.get() / 1000.0).tag("backlog", b.name())
                    .baseUnit("seconds").description("How long the backlog's longest-waiting row has been due")
                    .register(registry);
            Gauge.builder("cart.backlog.read.timestamp", f.readAtMillis(), v -> v.get() / 1000.0).tag("backlog", b.name())
                    .baseUnit("seconds").description("When the backlog was last read from the database (Unix time; "
                            + "the process's start until the first read)")
                    .register(registry);
        }
    }

    @Scheduled(every = "${cart.metrics.backlog-every:10s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return readNow();
    }

    /**
     * Reads every backlog now, one after another (one connection at a time), each on its own: one that cannot be read keeps its
     * last figures and does not hold back the others. The gauges show the figures once it completes; it never fails.
     */
    public Uni<Void> readNow() {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Backlog b : backlogs) {
            chain = chain.flatMap(v -> Uni.createFrom().deferred(() -> read(b)).onFailure().recoverWithItem(e -> {
                // Once per run of failures at warn (a database outage would otherwise log every tick), then at debug.
                if (!figures.get(b.name()).failing().getAndSet(true)) {
                    Log.warnf("Backlog %s not read; its figures stay as last read and it is read again at every tick: %s",
                            b.name(), e.toString());
                } else {
                    Log.debugf("Backlog %s still not read: %s", b.name(), e.toString());
                }
                return null;
            }));
        }
        return chain;
    }

    private Uni<Void> read(Backlog b) {
        Instant now = clock.instant();
        String sql = b.sql();
        Tuple args = sql.contains("$1") ? Tuple.of(now.atOffset(ZoneOffset.UTC)) : Tuple.tuple();
        return pool.preparedQuery(sql).execute(args).invoke(rows -> {
            Row row = rows.iterator().next();
            OffsetDateTime oldest = row.getOffsetDateTime(1);
            Figures f = figures.get(b.name());
            f.rows().set(row.getLong(0));
            f.oldestMillis().set(oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toMillis()));
            f.readAtMillis().set(now.toEpochMilli());
            if (f.failing().getAndSet(false)) {
                Log.infof("Backlog %s read again", b.name());
            }
        }).replaceWithVoid();
    }
}
