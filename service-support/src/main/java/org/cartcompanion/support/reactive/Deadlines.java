package org.cartcompanion.support.reactive;

import java.time.Duration;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Time limits for calls made inside a Hibernate Reactive session. A plain {@code ifNoItem().after(..)} reports the timeout on a
 * timer thread, where the session may not be used; these bring every outcome back to the Vert.x context that started the call.
 */
public final class Deadlines {

    private Deadlines() {
    }

    /** The outcome of {@code call}, or a {@link io.smallrye.mutiny.TimeoutException} once {@code limit} has passed. */
    public static <T> Uni<T> within(Duration limit, Supplier<? extends Uni<? extends T>> call) {
        return onCallersContext(() -> Uni.createFrom().<T> deferred(call::get).ifNoItem().after(limit).fail());
    }

    /** The outcome of {@code call}, brought back to the calling Vert.x context (where its session lives), with no limit. */
    public static <T> Uni<T> onCallersContext(Supplier<? extends Uni<? extends T>> call) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            Uni<T> outcome = Uni.createFrom().<T> deferred(call::get);
            return caller == null ? outcome : outcome.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        });
    }
}
