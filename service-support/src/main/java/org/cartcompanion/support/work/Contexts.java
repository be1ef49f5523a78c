package org.cartcompanion.support.work;

import java.util.function.Supplier;

import org.cartcompanion.support.reactive.Deadlines;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** Background work on a context of its own, where its database session lives and nowhere else. */
public final class Contexts {

    private Contexts() {
    }

    /**
     * Runs {@code work} on a new duplicated context flagged safe for Hibernate Reactive, so several such units may run at once
     * each with its own session.
     */
    public static <T> Uni<T> onNew(Vertx vertx, Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> Uni.createFrom().<T> deferred(() -> work.get())
                    .subscribe().with(emitter::complete, emitter::fail));
        });
    }

    /**
     * Runs {@code work} in a transaction of its own (its own context and session), committed before the caller goes on, and
     * comes back on the caller's context: for a claim that must hold even if the caller's own transaction later fails.
     */
    public static <T> Uni<T> inOwnTransaction(Vertx vertx, Supplier<Uni<T>> work) {
        return Deadlines.onCallersContext(() -> onNew(vertx, () -> Panache.withTransaction(work)));
    }
}
