package org.cartcompanion.alert.support;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs a background pass (poller, dispatcher) in this process, each on a fresh Vert.x duplicated context so its database
 * session is its own, at most {@code parallelism} at a time. A kick while all are busy makes one run again right after, so new
 * work never waits for the timer (the timer is the safety net); a pass that filled its batch starts another at once.
 */
public final class Passes {

    private final String name;
    private final Vertx vertx;
    private final int parallelism;
    private final Supplier<Uni<Boolean>> pass;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean again = new AtomicBoolean();

    /** {@code pass} answers true when it may have left work behind (a full batch), to be run again at once. */
    public Passes(String name, Vertx vertx, int parallelism, Supplier<Uni<Boolean>> pass) {
        this.name = name;
        this.vertx = vertx;
        this.parallelism = parallelism;
        this.pass = pass;
    }

    /** Starts a pass now, unless {@code parallelism} passes are running (one of them then runs again). */
    public void kick() {
        while (true) {
            int now = running.get();
            if (now >= parallelism) {
                again.set(true);
                return;
            }
            if (running.compareAndSet(now, now + 1)) {
                break;
            }
        }
        onNewContext(vertx, pass).onFailure().recoverWithItem(e -> {
            Log.warnf(e, "%s pass failed", name);
            return false;
        }).subscribe().with(more -> {
            running.decrementAndGet();
            boolean rerun = again.getAndSet(false);
            if (more) {
                // A full batch: more is waiting; use the spare parallelism too.
                kick();
                kick();
            } else if (rerun) {
                kick();
            }
        });
    }

    /**
     * Runs {@code work} on a new duplicated context flagged safe for Hibernate Reactive: its session lives there and nowhere
     * else, so several such units may run at once.
     */
    public static <T> Uni<T> onNewContext(Vertx vertx, Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> Uni.createFrom().<T> deferred(() -> work.get())
                    .subscribe().with(emitter::complete, emitter::fail));
        });
    }
}
