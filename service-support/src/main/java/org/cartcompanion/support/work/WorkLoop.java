package org.cartcompanion.support.work;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.cartcompanion.support.reactive.Deadlines;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Runs a {@link DurableJob}: passes over its due rows, on every replica at once (claims skip what another holds). A
 * {@link #kick()} starts a pass now or, when {@code passesAtOnce} are running, makes one run again right after, so new work
 * never waits for the job's timer (the timer is only the safety net); a pass that filled its batch and settled rows starts the
 * next at once. Each attempt may have a deadline; each outcome goes on the row's ledger, a failure with its backoff. Metrics
 * per job: {@code cart.work.due} and {@code cart.work.oldest.due.age} (seconds) as of the last pass, {@code cart.work.claimed},
 * {@code cart.work.succeeded} and {@code cart.work.failed} counted.
 */
public final class WorkLoop<R> {

    /** How rows are claimed: all in the pass's transaction, or each in its own. */
    public enum Claim {
        BATCH, EACH
    }

    /**
     * A job's settings: its name (log and metric tag), how rows are claimed, rows per pass, passes at once in this process,
     * rows worked at once within a pass (under BATCH above one only when the work does not use the database session), the
     * deadline of one attempt (null: none) and what running out of it means in the error text, and the retry policy (null: a
     * failed row is tried again at the next pass).
     */
    public record Settings(String name, Claim claim, int batchSize, int passesAtOnce, int rowsAtOnce, Duration deadline,
            String deadlineMeaning, RetryPolicy retry) {

        public static Settings of(String name, Claim claim, int batchSize) {
            return new Settings(name, claim, batchSize, 1, 1, null, null, null);
        }

        public Settings passesAtOnce(int n) {
            return new Settings(name, claim, batchSize, n, rowsAtOnce, deadline, deadlineMeaning, retry);
        }

        public Settings rowsAtOnce(int n) {
            return new Settings(name, claim, batchSize, passesAtOnce, n, deadline, deadlineMeaning, retry);
        }

        public Settings deadline(Duration limit, String meaning) {
            return new Settings(name, claim, batchSize, passesAtOnce, rowsAtOnce, limit, meaning, retry);
        }

        public Settings retry(RetryPolicy policy) {
            return new Settings(name, claim, batchSize, passesAtOnce, rowsAtOnce, deadline, deadlineMeaning, policy);
        }
    }

    /** Where a pass's database work runs: Hibernate Reactive's session and transaction (a unit test gives its own). */
    interface Transactions {
        <T> Uni<T> session(Supplier<Uni<T>> work);

        <T> Uni<T> transaction(Supplier<Uni<T>> work);

        Transactions PANACHE = new Transactions() {
            @Override
            public <T> Uni<T> session(Supplier<Uni<T>> work) {
                return Panache.withSession(work);
            }

            @Override
            public <T> Uni<T> transaction(Supplier<Uni<T>> work) {
                return Panache.withTransaction(work);
            }
        };
    }

    private final DurableJob<R> job;
    private final Settings settings;
    private final Transactions transactions;
    private final Vertx vertx;
    private final Clock clock;
    private final AtomicInteger running = new AtomicInteger();
    /** EACH: the keys of the rows passes of this process are working, which another pass leaves alone. */
    private final Set<Object> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicLong lastDue = new AtomicLong();
    private final AtomicLong oldestDueMillis = new AtomicLong();
    private final Counter claimed;
    private final Counter succeeded;
    private final Counter failed;

    WorkLoop(DurableJob<R> job, Settings settings, Transactions transactions, Vertx vertx, Clock clock,
            MeterRegistry registry) {
        this.job = job;
        this.settings = settings;
        this.transactions = transactions;
        this.vertx = vertx;
        this.clock = clock;
        String tag = settings.name();
        Gauge.builder("cart.work.due", lastDue, AtomicLong::get).tag("job", tag)
                .description("Rows found due at the job's last pass").register(registry);
        Gauge.builder("cart.work.oldest.due.age", oldestDueMillis, v -> v.get() / 1000.0).tag("job", tag)
                .baseUnit("seconds").description("How long the longest-waiting due row had waited at the last pass")
                .register(registry);
        this.claimed = Counter.builder("cart.work.claimed").tag("job", tag).description("Rows claimed").register(registry);
        this.succeeded = Counter.builder("cart.work.succeeded").tag("job", tag).description("Attempts that succeeded")
                .register(registry);
        this.failed = Counter.builder("cart.work.failed").tag("job", tag).description("Attempts that failed")
                .register(registry);
    }

    /** Starts a pass now on a context of its own, unless {@code passesAtOnce} are running (one of them then runs again). */
    public void kick() {
        while (true) {
            int now = running.get();
            if (now >= settings.passesAtOnce()) {
                again.set(true);
                if (running.get() >= settings.passesAtOnce()) {
                    return;
                }
                // A pass ended between the two looks and may have missed the flag: start one here.
                continue;
            }
            if (running.compareAndSet(now, now + 1)) {
                break;
            }
        }
        Contexts.onNew(vertx, () -> pass(clock.instant())).onFailure().recoverWithItem(e -> {
            Log.warnf(e, "%s pass failed", settings.name());
            return PassReport.NOTHING;
        }).subscribe().with(report -> {
            running.decrementAndGet();
            boolean rerun = again.getAndSet(false);
            if (report.full() && report.claimed() > report.failed()) {
                // More is waiting: use the spare parallelism too. A full batch of failures (or of rows other replicas hold)
                // waits for the timer instead, so rows that keep failing never spin the loop.
                kick();
                kick();
            } else if (rerun) {
                kick();
            }
        });
    }

    /** One pass at {@code now}, on the caller's context, then the job's {@link DurableJob#afterPass}. */
    public Uni<PassReport> pass(Instant now) {
        Uni<PassReport> pass = settings.claim() == Claim.BATCH ? batch(now) : each(now);
        return pass.call(job::afterPass);
    }

    /** Passes at {@code now} while batches come back full, at most {@code maxPasses}; the reports added up. */
    public Uni<PassReport> drain(Instant now, int maxPasses) {
        return drain(now, maxPasses, PassReport.NOTHING);
    }

    private Uni<PassReport> drain(Instant now, int left, PassReport sofar) {
        return pass(now).flatMap(report -> {
            PassReport total = sofar.plus(report);
            return report.full() && left > 1 ? drain(now, left - 1, total) : Uni.createFrom().item(total);
        });
    }

    /** A batch's report and its outcomes, handed to the job once the batch has committed. */
    private record Batch<R>(PassReport report, List<Outcome<R>> outcomes) {
    }

    private Uni<PassReport> batch(Instant now) {
        return transactions.transaction(() -> job.due(now, settings.batchSize()).flatMap(rows -> {
            observe(rows, now);
            if (rows.isEmpty()) {
                return Uni.createFrom().item(new Batch<R>(PassReport.NOTHING, List.of()));
            }
            return job.prepare(rows, now)
                    .flatMap(toWork -> Multi.createFrom().iterable(toWork).onItem().transformToUni(row -> attempt(row, now))
                            .merge(settings.rowsAtOnce()).collect().asList())
                    .flatMap(outcomes -> record(outcomes, 0).flatMap(v -> job.finish(outcomes, now))
                            .map(v -> new Batch<>(report(rows.size(), rows.size(), outcomes,
                                    rows.size() >= settings.batchSize()), outcomes)));
        })).map(done -> {
            count(done.report());
            done.outcomes().forEach(this::committed);
            return done.report();
        });
    }

    /**
     * Under EACH passes may overlap: one held up by slow or failing rows never holds back a row that fell due since. Each pass
     * reads as many more rows as are in flight here and leaves those out.
     */
    private Uni<PassReport> each(Instant now) {
        int busy = inFlight.size();
        return transactions.session(() -> job.due(now, settings.batchSize() + busy)).flatMap(found -> {
            observe(found, now);
            List<R> rows = new ArrayList<>();
            for (R row : found) {
                if (rows.size() < settings.batchSize() && inFlight.add(job.key(row))) {
                    rows.add(row);
                }
            }
            if (rows.isEmpty()) {
                return Uni.createFrom().item(PassReport.NOTHING);
            }
            return Multi.createFrom().iterable(rows).onItem()
                    .transformToUni(row -> Contexts.onNew(vertx, () -> eachRow(row, now))
                            .onTermination().invoke(() -> inFlight.remove(job.key(row))))
                    .merge(settings.rowsAtOnce()).collect().asList()
                    .map(outcomes -> {
                        List<Outcome<R>> claimedOnes = outcomes.stream().filter(o -> o != null).toList();
                        return report(rows.size(), claimedOnes.size(), claimedOnes, rows.size() >= settings.batchSize());
                    })
                    // Rows never started (the pass was cancelled) are free again too.
                    .onTermination().invoke(() -> rows.forEach(row -> inFlight.remove(job.key(row))));
        });
    }

    /** One row under EACH: gathered, claimed and worked in its own transaction; a failure recorded in another. */
    private Uni<Outcome<R>> eachRow(R row, Instant now) {
        return job.gather(row, now).flatMap(gathered -> transactions.transaction(() -> job.claim(gathered, now)
                .flatMap(mine -> {
                    if (mine == null) {
                        return Uni.createFrom().nullItem();
                    }
                    return timed(mine, now).flatMap(v -> {
                        Outcome<R> done = new Outcome<>(mine, clock.instant(), null);
                        return recordOne(done).replaceWith(done);
                    });
                })))
                // The work's transaction is rolled back; the failure is recorded on the row in a new one.
                .onFailure().recoverWithUni(e -> transactions.transaction(() -> job.claim(row, now).flatMap(mine -> {
                    if (mine == null) {
                        return Uni.createFrom().<Outcome<R>> nullItem();
                    }
                    Outcome<R> outcome = failure(mine, e);
                    return recordOne(outcome).replaceWith(outcome);
                })))
                .invoke(outcome -> {
                    if (outcome != null) {
                        count(report(1, 1, List.of(outcome), false));
                        committed(outcome);
                    }
                })
                .onFailure().recoverWithItem(e -> {
                    Log.errorf(e, "%s: a failed attempt could not be recorded; the row stays due", settings.name());
                    return null;
                });
    }

    private Uni<Void> timed(R row, Instant now) {
        if (settings.deadline() == null) {
            return Uni.createFrom().deferred(() -> job.work(row, now));
        }
        return Deadlines.within(settings.deadline(), () -> job.work(row, now));
    }

    private Uni<Outcome<R>> attempt(R row, Instant now) {
        return timed(row, now).map(v -> new Outcome<>(row, clock.instant(), null))
                .onFailure().recoverWithItem(e -> failure(row, e));
    }

    private Outcome<R> failure(R row, Throwable e) {
        Instant at = clock.instant();
        Attempted ledger = job.ledger(row);
        int attempt = (ledger == null ? 0 : ledger.attempts()) + 1;
        boolean permanent = e instanceof Refusal r && r.permanent();
        Duration wait = permanent || settings.retry() == null ? null : settings.retry().after(attempt);
        Failure failure = new Failure(attempt, Failure.describe(e, settings.deadlineMeaning()), at, wait,
                wait == null ? null : at.plus(wait), e);
        return new Outcome<>(row, at, failure);
    }

    private Uni<Void> record(List<Outcome<R>> outcomes, int from) {
        if (from >= outcomes.size()) {
            return Uni.createFrom().voidItem();
        }
        return recordOne(outcomes.get(from)).flatMap(v -> record(outcomes, from + 1));
    }

    private Uni<Void> recordOne(Outcome<R> outcome) {
        R row = outcome.row();
        Attempted ledger = job.ledger(row);
        if (outcome.succeeded()) {
            if (ledger != null) {
                ledger.succeeded(outcome.at());
            }
            return job.succeeded(row, outcome);
        }
        Failure f = outcome.failure();
        if (ledger != null && f.permanent()) {
            ledger.gaveUp(f.at(), f.error());
        } else if (ledger != null) {
            ledger.failed(f.at(), f.error(), f.retryAt());
        }
        return job.failed(row, f);
    }

    /** Tells the job a row's outcome has committed; what it does then (a metric, a kick) cannot undo or stop the pass. */
    private void committed(Outcome<R> outcome) {
        try {
            job.committed(outcome);
        } catch (RuntimeException e) {
            Log.errorf(e, "%s: the work on a row committed, but what follows its commit failed", settings.name());
        }
    }

    /** Counted once committed, so the metrics never count work a rollback undid. */
    private void count(PassReport report) {
        claimed.increment(report.claimed());
        succeeded.increment(report.succeeded());
        failed.increment(report.failed());
    }

    private void observe(List<R> rows, Instant now) {
        lastDue.set(rows.size());
        Instant oldest = rows.stream().map(job::dueAt).filter(at -> at != null).min(Instant::compareTo).orElse(now);
        oldestDueMillis.set(Math.max(0, Duration.between(oldest, now).toMillis()));
    }

    private PassReport report(int due, int claimedRows, List<Outcome<R>> outcomes, boolean full) {
        int ok = (int) outcomes.stream().filter(Outcome::succeeded).count();
        return new PassReport(due, claimedRows, ok, outcomes.size() - ok, full);
    }
}
