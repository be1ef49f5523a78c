package org.cartcompanion.support.work;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;

/** Makes the {@link WorkLoop} of a job, with this process's Vert.x, clock and meter registry. */
@ApplicationScoped
public class WorkLoops {

    private final Vertx vertx;
    private final Clock clock;
    private final MeterRegistry registry;

    public WorkLoops(Vertx vertx, Clock clock, MeterRegistry registry) {
        this.vertx = vertx;
        this.clock = clock;
        this.registry = registry;
    }

    public <R> WorkLoop<R> loop(DurableJob<R> job, WorkLoop.Settings settings) {
        return new WorkLoop<>(job, settings, WorkLoop.Transactions.PANACHE, vertx, clock, registry);
    }
}
