package org.cartcompanion.alert.directory.service;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.cartcompanion.alert.access.client.Directory;
import org.cartcompanion.alert.access.client.PagingDirectory;
import org.cartcompanion.alert.directory.StoredDirectory;
import org.cartcompanion.alert.directory.repository.CenterDirectoryRepository;
import org.cartcompanion.support.work.Contexts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Keeps the stored paging directory of every center fresh: all centers on a timer (the on-call window rolls forward), one
 * center when care-team-service says it changed. Each center is replaced in its own transaction; a failed refresh leaves the
 * stored copy as it was, which is what escalation needs while care-team-service is down.
 */
@ApplicationScoped
public class DirectoryRefresher {

    private static final int PAGE = 50;

    private final Directory directory;
    private final CenterDirectoryRepository stored;
    private final Clock clock;
    private final Counter failures;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();

    public DirectoryRefresher(Directory directory, CenterDirectoryRepository stored, Clock clock, MeterRegistry registry,
            Vertx vertx) {
        this.directory = directory;
        this.vertx = vertx;
        this.stored = stored;
        this.clock = clock;
        this.failures = Counter.builder("alert.directory.refresh.failures")
                .description("Refreshes of the stored paging directory that care-team-service could not answer")
                .register(registry);
    }

    @Scheduled(every = "${alert.directory.refresh-interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        refreshAllNow().subscribe().with(done -> running.set(false), e -> {
            running.set(false);
            failures.increment();
            Log.warnf("The paging directory was not refreshed (%s); the stored copy stays in use",
                    e.getClass().getSimpleName());
        });
    }

    /** Refreshes one center in the background (care-team-service said it changed). */
    public void kick(UUID centerId) {
        refreshNow(centerId).subscribe().with(done -> {
        }, e -> Log.warnf("Center %s's paging directory was not refreshed (%s)", centerId, e.getClass().getSimpleName()));
    }

    /** One center's directory, now, on a context of its own. */
    public Uni<Void> refreshNow(UUID centerId) {
        return Contexts.onNew(vertx, () -> refresh(centerId));
    }

    /** Every center's directory, now, on a context of its own. */
    public Uni<Void> refreshAllNow() {
        return Contexts.onNew(vertx, () -> refreshAll(null));
    }

    /** Every center's directory, page after page. */
    private Uni<Void> refreshAll(String cursor) {
        return directory.pagingDirectories(cursor, PAGE).flatMap(page -> {
            Uni<Void> stores = Uni.createFrom().voidItem();
            for (PagingDirectory d : page.items()) {
                stores = stores.chain(() -> store(d));
            }
            return page.nextCursor() == null ? stores : stores.chain(() -> refreshAll(page.nextCursor()));
        });
    }

    /** One center's directory. A center care-team-service does not know (404) is left as stored. */
    private Uni<Void> refresh(UUID centerId) {
        return directory.pagingDirectory(centerId).flatMap(this::store)
                .onFailure().recoverWithItem(e -> {
                    if (!(e instanceof WebApplicationException w && w.getResponse().getStatus() == 404)) {
                        failures.increment();
                        Log.warnf("Center %s's paging directory was not refreshed (%s)", centerId,
                                e.getClass().getSimpleName());
                    }
                    return null;
                });
    }

    /** The stored directory of a center at this instant; null when it was never stored. */
    public Uni<StoredDirectory> storedAt(UUID centerId) {
        return Panache.withSession(() -> stored.at(centerId, clock.instant()));
    }

    private Uni<Void> store(PagingDirectory d) {
        return Panache.withTransaction(() -> stored.replace(d, clock.instant())).replaceWithVoid();
    }
}
