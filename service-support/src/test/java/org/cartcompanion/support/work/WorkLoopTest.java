package org.cartcompanion.support.work;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * The loop's own rules, on rows kept in memory (the services' tests run the jobs on PostgreSQL): overlapping passes never work
 * a row twice and a held-up row never holds back a new one, a kick during a pass is never lost nor multiplied, a full batch
 * that got somewhere runs again at once while one of failures waits, outcomes reach the ledger and the job only once committed,
 * and the metrics count what was committed.
 */
class WorkLoopTest {

    private Vertx vertx;
    private SimpleMeterRegistry registry;
    private final Table table = new Table();
    /** Transactions open right now (the stand-in for Hibernate Reactive's). */
    private final AtomicInteger open = new AtomicInteger();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        registry = new SimpleMeterRegistry();
    }

    @AfterEach
    void stop() throws Exception {
        table.holds.values().forEach(h -> h.complete(null));
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRowHeldUpNeverHoldsBackOneThatFellDueSinceAndNoPassWorksItTwice() throws Exception {
        WorkLoop<Task> loop = loop(WorkLoop.Settings.of("test", WorkLoop.Claim.EACH, 10).passesAtOnce(2).rowsAtOnce(4));
        CompletableFuture<Void> slow = holdUpAThenAddB(loop);
        awaitTrue(() -> table.task("b").done);
        assertThat("a is still held up", table.task("a").done, is(false));
        slow.complete(null);
        awaitTrue(() -> table.task("a").done);
        assertThat(table.worked, contains("a", "b"));
    }

    @Test
    void aKickDuringAPassRunsOneMorePassAfterItNotOnePerKick() throws Exception {
        WorkLoop<Task> loop = loop(WorkLoop.Settings.of("test", WorkLoop.Claim.BATCH, 10));
        CompletableFuture<Void> slow = holdUpAThenAddB(loop);
        loop.kick();
        loop.kick();
        assertThat("b waits for the pass running", table.worked, contains("a"));
        slow.complete(null);
        awaitTrue(() -> table.task("b").done);
        settle();
        assertThat("the pass and one more", table.passes.get(), equalTo(2));
    }

    @Test
    void aFullBatchThatGotSomewhereRunsAgainAtOnce() throws Exception {
        WorkLoop<Task> loop = loop(WorkLoop.Settings.of("test", WorkLoop.Claim.BATCH, 2));
        for (String id : List.of("a", "b", "c", "d", "e")) {
            table.add(id);
        }
        loop.kick();
        awaitTrue(() -> table.tasks.values().stream().allMatch(t -> t.done));
        assertThat(registry.get("cart.work.succeeded").counter().count(), equalTo(5.0));
    }

    @Test
    void aFullBatchOfFailuresWaitsForTheTimerInsteadOfSpinning() throws Exception {
        WorkLoop<Task> loop = loop(WorkLoop.Settings.of("test", WorkLoop.Claim.BATCH, 2));
        for (String id : List.of("a", "b", "c")) {
            table.add(id);
            table.failing.add(id);
        }
        loop.kick();
        awaitTrue(() -> table.passes.get() >= 1 && registry.get("cart.work.failed").counter().count() == 2.0);
        settle();
        assertThat("one pass, no rerun", table.passes.get(), equalTo(1));
    }

    @Test
    void aFailureGoesOnTheLedgerWithItsBackoffAndTheJobHearsOfItOnceCommitted() throws Exception {
        WorkLoop<Task> loop = loop(WorkLoop.Settings.of("test", WorkLoop.Claim.EACH, 10)
                .retry(new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(5))));
        table.add("a");
        table.failing.add("a");
        Instant before = Instant.now();
        PassReport report = loop.pass(Instant.now()).subscribeAsCompletionStage().get(10, TimeUnit.SECONDS);

        assertThat(report, equalTo(new PassReport(1, 1, 0, 1, false)));
        Task a = table.task("a");
        assertThat(a.attempts, equalTo(1));
        assertThat(a.lastError, containsString("the mail server said no"));
        assertThat("retried after the backoff, not at once", a.retryAt.isAfter(before.plusSeconds(20)), is(true));
        assertThat(table.committed, contains("a failed"));
        assertThat("told after the transaction ended", table.openAtCommitted, contains(0));
        assertThat(registry.get("cart.work.claimed").counter().count(), equalTo(1.0));
        assertThat(registry.get("cart.work.failed").counter().count(), equalTo(1.0));

        table.failing.remove("a");
        PassReport later = loop.pass(Instant.now()).subscribeAsCompletionStage().get(10, TimeUnit.SECONDS);
        assertThat("not due before its backoff", later.claimed(), equalTo(0));
        loop.pass(a.retryAt.plusMillis(1)).subscribeAsCompletionStage().get(10, TimeUnit.SECONDS);
        assertThat(a.done, is(true));
        assertThat(a.attempts, equalTo(2));
        assertThat(table.committed, contains("a failed", "a succeeded"));
    }

    @Test
    void aBatchsOutcomesReachTheJobOnlyOnceTheBatchCommitted() throws Exception {
        WorkLoop<Task> loop = loop(WorkLoop.Settings.of("test", WorkLoop.Claim.BATCH, 10));
        table.add("a");
        table.add("b");
        table.failing.add("b");
        loop.pass(Instant.now()).subscribeAsCompletionStage().get(10, TimeUnit.SECONDS);
        assertThat(table.committed, containsInAnyOrder("a succeeded", "b failed"));
        assertThat("told after the transaction ended", table.openAtCommitted, contains(0, 0));
    }

    @Test
    void whatFollowsOneRowsCommitFailingStopsNeitherTheOthersNorThePassesReport() throws Exception {
        WorkLoop<Task> loop = loop(WorkLoop.Settings.of("test", WorkLoop.Claim.BATCH, 10));
        table.add("a");
        table.add("b");
        table.add("c");
        table.brokenAfterCommit.add("a");
        PassReport report = loop.pass(Instant.now()).subscribeAsCompletionStage().get(10, TimeUnit.SECONDS);
        assertThat(report.succeeded(), equalTo(3));
        assertThat(table.committed, containsInAnyOrder("a succeeded", "b succeeded", "c succeeded"));
        assertThat(registry.get("cart.work.succeeded").counter().count(), equalTo(3.0));
    }

    @Test
    void aRowAnotherReplicaHoldsIsLeftAloneAndNotCounted() throws Exception {
        WorkLoop<Task> loop = loop(WorkLoop.Settings.of("test", WorkLoop.Claim.EACH, 10));
        table.add("a");
        table.heldElsewhere.add("a");
        PassReport report = loop.pass(Instant.now()).subscribeAsCompletionStage().get(10, TimeUnit.SECONDS);
        assertThat(report, equalTo(new PassReport(1, 0, 0, 0, false)));
        assertThat(table.worked, empty());
        assertThat(table.committed, empty());
        assertThat(registry.get("cart.work.claimed").counter().count(), equalTo(0.0));
    }

    private WorkLoop<Task> loop(WorkLoop.Settings settings) {
        WorkLoop.Transactions transactions = new WorkLoop.Transactions() {
            @Override
            public <T> Uni<T> session(Supplier<Uni<T>> work) {
                return Uni.createFrom().deferred(() -> work.get());
            }

            @Override
            public <T> Uni<T> transaction(Supplier<Uni<T>> work) {
                return Uni.createFrom().deferred(() -> {
                    open.incrementAndGet();
                    return work.get();
                }).onTermination().invoke(open::decrementAndGet);
            }
        };
        return new WorkLoop<>(table, settings, transactions, vertx, Clock.systemUTC(), registry);
    }

    /** Row a held up in a pass the loop was kicked for, then row b added and the loop kicked again. */
    private CompletableFuture<Void> holdUpAThenAddB(WorkLoop<Task> loop) throws InterruptedException {
        CompletableFuture<Void> slow = table.hold("a");
        table.add("a");
        loop.kick();
        awaitTrue(() -> table.worked.contains("a"));
        table.add("b");
        loop.kick();
        return slow;
    }

    /** Long enough for a pass that should not come to have come. */
    private static void settle() throws InterruptedException {
        Thread.sleep(300);
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(5);
        }
    }

    /** A row of work with its own ledger. */
    static final class Task implements Attempted {
        final String id;
        volatile int attempts;
        volatile boolean done;
        volatile String lastError;
        volatile Instant retryAt;

        Task(String id) {
            this.id = id;
        }

        @Override
        public int attempts() {
            return attempts;
        }

        @Override
        public void succeeded(Instant at) {
            attempts++;
            done = true;
            lastError = null;
            retryAt = null;
        }

        @Override
        public void failed(Instant at, String error, Instant retryAt) {
            attempts++;
            lastError = error;
            this.retryAt = retryAt;
        }
    }

    /**
     * The job: rows in a map, due until done and past their retry time (read without locks, as under EACH); some held up,
     * failing, or held by another replica (its claim comes back empty).
     */
    final class Table implements DurableJob<Task> {
        final Map<String, Task> tasks = new ConcurrentHashMap<>();
        final Map<String, CompletableFuture<Void>> holds = new ConcurrentHashMap<>();
        final java.util.Set<String> failing = ConcurrentHashMap.newKeySet();
        final java.util.Set<String> heldElsewhere = ConcurrentHashMap.newKeySet();
        final java.util.Set<String> brokenAfterCommit = ConcurrentHashMap.newKeySet();
        final AtomicInteger passes = new AtomicInteger();
        final List<String> worked = new CopyOnWriteArrayList<>();
        final List<String> committed = new CopyOnWriteArrayList<>();
        final List<Integer> openAtCommitted = new CopyOnWriteArrayList<>();

        void add(String id) {
            tasks.put(id, new Task(id));
        }

        Task task(String id) {
            return tasks.get(id);
        }

        CompletableFuture<Void> hold(String id) {
            return holds.computeIfAbsent(id, k -> new CompletableFuture<>());
        }

        @Override
        public Uni<List<Task>> due(Instant now, int limit) {
            passes.incrementAndGet();
            return Uni.createFrom().item(tasks.values().stream()
                    .filter(t -> !t.done && (t.retryAt == null || !t.retryAt.isAfter(now)))
                    .sorted(Comparator.comparing((Task t) -> t.id)).limit(limit).toList());
        }

        @Override
        public Instant dueAt(Task row) {
            return row.retryAt;
        }

        @Override
        public Uni<Task> claim(Task row, Instant now) {
            boolean due = !row.done && (row.retryAt == null || !row.retryAt.isAfter(now));
            return Uni.createFrom().item(due && !heldElsewhere.contains(row.id) ? row : null);
        }

        @Override
        public Uni<Void> work(Task row, Instant now) {
            worked.add(row.id);
            if (failing.contains(row.id)) {
                return Uni.createFrom().failure(new IllegalStateException("the mail server said no"));
            }
            CompletableFuture<Void> hold = holds.get(row.id);
            return hold == null ? Uni.createFrom().voidItem() : Uni.createFrom().completionStage(hold);
        }

        @Override
        public Object key(Task row) {
            return row.id;
        }

        @Override
        public void committed(Outcome<Task> outcome) {
            committed.add(outcome.row().id + (outcome.succeeded() ? " succeeded" : " failed"));
            openAtCommitted.add(open.get());
            if (brokenAfterCommit.contains(outcome.row().id)) {
                throw new IllegalStateException("a metric could not be registered");
            }
        }
    }
}
