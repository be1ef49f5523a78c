package org.cartcompanion.support.web;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.cartcompanion.support.problem.ProblemException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Bounds how many requests of one operation are in progress at once. Past the bound a request is answered at once with 503 and
 * Retry-After (a phone sends a check-in again with the same Idempotency-Key) instead of queueing for the database: under a
 * surge the service goes on answering the requests it took within their usual time, its memory stays bounded, and at most the
 * bound of them wait for a database connection (the pool is shared with the other requests and the jobs, so a bound above the
 * pool's size still queues some, but never without limit). A request turned away has read and written nothing, and the audit
 * trail does not record it. Metrics: {@code cart_admission_in_flight{operation}},
 * {@code cart_admission_turned_away_total{operation}}.
 */
public final class Admission {

    /** Set on the request's routing context when it was turned away. */
    public static final String TURNED_AWAY = "cart.admission.turned-away";

    private final String operation;
    private final int max;
    private final CurrentVertxRequest current;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter turnedAway;

    public Admission(String operation, int max, CurrentVertxRequest current, MeterRegistry registry) {
        if (max < 1) {
            throw new IllegalArgumentException("The in-flight bound of " + operation + " must be at least 1, not " + max);
        }
        this.operation = operation;
        this.max = max;
        this.current = current;
        Gauge.builder("cart.admission.in.flight", inFlight, AtomicInteger::get).tag("operation", operation)
                .description("Requests of the operation in progress").register(registry);
        this.turnedAway = Counter.builder("cart.admission.turned.away").tag("operation", operation)
                .description("Requests answered 503 because the operation's in-flight bound was reached").register(registry);
    }

    /** Runs {@code work} if fewer than the bound are in progress, else fails with a 503 problem at once. */
    public <T> Uni<T> admit(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            if (inFlight.incrementAndGet() > max) {
                inFlight.decrementAndGet();
                turnedAway.increment();
                RoutingContext request = current.getCurrent();
                if (request != null) {
                    request.put(TURNED_AWAY, Boolean.TRUE);
                }
                return Uni.createFrom().failure(new ProblemException(503, "overloaded", "Too many " + operation
                        + " requests are in progress just now; send it again in a few seconds (with the same Idempotency-Key)."));
            }
            // Built inside the deferred Uni, so work that fails while being built (bad input read) ends through the same
            // termination and frees its place. Also freed when the caller goes away (Quarkus REST cancels the Uni): statements
            // already sent may still finish, so for a moment the database may hold a few more than the bound. The bound is a
            // guard against surges, not a quota.
            return Uni.createFrom().<T> deferred(work::get).onTermination().invoke(inFlight::decrementAndGet);
        });
    }
}
