package org.cartcompanion.support.work;

import java.util.function.Supplier;

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
}
