package org.cartcompanion.support.cache;

import java.time.Duration;
import java.util.function.Supplier;

import org.cartcompanion.support.reactive.Deadlines;

import io.quarkus.cache.Cache;
import io.smallrye.mutiny.Uni;

/**
 * A lookup of another service through a {@code quarkus-cache} cache (bounded and expiring by its
 * {@code quarkus.cache.caffeine."name".*} settings, with metrics): a hit answers at once; a miss loads under {@code deadline},
 * and callers asking for the same key meanwhile share that load; a failure is not kept, so the next caller asks again. The
 * outcome comes back on the caller's context, where its database session may go on.
 */
public final class Lookups {

    private Lookups() {
    }

    public static <K, V> Uni<V> through(Cache cache, K key, Duration deadline, Supplier<Uni<V>> load) {
        // Each caller listens to the shared load without owning it: one caller giving up (a client that disconnects) must
        // not cancel the load the others wait for.
        return Deadlines.onCallersContext(() -> Uni.createFrom().<V> emitter(emitter -> cache
                .<K, V> getAsync(key, k -> Deadlines.within(deadline, load))
                .subscribe().with(emitter::complete, emitter::fail)));
    }
}
