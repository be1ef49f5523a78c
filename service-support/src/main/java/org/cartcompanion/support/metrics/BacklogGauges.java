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
 * growing when the job is stuck. A read that fails leaves the last figures and is retried at the next tick.
 */
@Startup
@ApplicationScoped
public class BacklogGauges {

    private record Figures(AtomicLong rows, AtomicLong oldestMillis) {
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
            Figures f = new Figures(new AtomicLong(), new AtomicLong());
            figures.put(b.name(), f);
            Gauge.builder("cart.backlog.rows", f.rows(), AtomicLong::get).tag("backlog", b.name())
                    .description("Rows of the backlog waiting to be done").register(registry);
            Gauge.builder("cart.backlog.oldest.age", f.oldestMillis(), v -> v.get() / 1000.0).tag("backlog", b.name())
                    .baseUnit("seconds").description("How long the backlog's longest-waiting row has been due")
                    .register(registry);
        }
    }

    @Scheduled(every = "${cart.metrics.backlog-every:10s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return readNow().onFailure().recoverWithItem(e -> {
            Log.debugf("Backlog metrics not read; they are read again at the next tick: %s", e.toString());
            return null;
        });
    }

    /** Reads every backlog now; the gauges show the figures once it completes. */
    public Uni<Void> readNow() {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Backlog b : backlogs) {
            chain = chain.flatMap(v -> read(b));
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
        }).replaceWithVoid();
    }
}
