package org.cartcompanion.alert.support;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs a background pass (poller, dispatcher) at most once at a time in this process, each on a fresh Vert.x duplicated context
 * so its database session is its own. A kick during a pass makes the pass run once more right after, so new work never waits
 * for the timer; the timer is only the safety net.
 */
public final class Passes {

    private final String name;
    private final Vertx vertx;
    private final Supplier<Uni<Boolean>> pass;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    /** {@code pass} answers true when it may have left work behind (a full batch), to be run again at once. */
    public Passes(String name, Vertx vertx, Supplier<Uni<Boolean>> pass) {
        this.name = name;
        this.vertx = vertx;
        this.pass = pass;
    }

    /** Starts a pass now on a new context, unless one is running here (that one then runs again). */
    public void kick() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        // A context of its own, flagged safe: the pass's Hibernate Reactive session lives in it and nowhere else.
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Uni.createFrom().<Boolean> deferred(() -> pass.get())
                .onFailure().recoverWithItem(e -> {
                    Log.warnf(e, "%s pass failed", name);
                    return false;
                })
                .subscribe().with(more -> {
                    running.set(false);
                    if (more || again.getAndSet(false)) {
                        kick();
                    }
                }));
    }

    public boolean isRunning() {
        return running.get();
    }
}
