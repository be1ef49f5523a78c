package org.cartcompanion.support.web;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.cartcompanion.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;

/** Past its bound an operation is refused at once with a 503 problem; a finished or failed request frees its place. */
class AdmissionTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Admission admission = new Admission("check-in", 2, new CurrentVertxRequest(), registry);

    @Test
    void theRequestPastTheBoundIsTurnedAwayAndAPlaceFreesWhenOneEnds() throws Exception {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        CompletableFuture<String> a = admission.admit(() -> Uni.createFrom().completionStage(first))
                .subscribeAsCompletionStage();
        CompletableFuture<String> b = admission.admit(() -> Uni.createFrom().completionStage(second))
                .subscribeAsCompletionStage();
        assertThat(inFlight(), equalTo(2.0));

        ProblemException refused = refusal(admission.admit(() -> Uni.createFrom().item("third")));
        assertThat(refused.status(), equalTo(503));
        assertThat(registry.get("cart.admission.turned.away").counter().count(), equalTo(1.0));

        first.complete("done");
        assertThat(a.get(5, TimeUnit.SECONDS), equalTo("done"));
        assertThat(admission.admit(() -> Uni.createFrom().item("fourth")).await().atMost(Duration.ofSeconds(5)),
                equalTo("fourth"));
        second.completeExceptionally(new IllegalStateException("the database refused"));
        try {
            b.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException expected) {
            assertThat(expected.getCause(), instanceOf(IllegalStateException.class));
        }
        assertThat("a failure frees its place too", inFlight(), equalTo(0.0));
    }

    @Test
    void workThatThrowsWhileBeingBuiltFreesItsPlace() {
        for (int i = 0; i < 5; i++) {
            try {
                admission.admit(() -> {
                    throw new IllegalArgumentException("a header that cannot be read");
                }).await().atMost(Duration.ofSeconds(5));
                throw new AssertionError("the failure was not passed on");
            } catch (IllegalArgumentException expected) {
                // passed on to the caller
            }
        }
        assertThat("no place leaked: more failures than the bound leave the operation open", inFlight(), equalTo(0.0));
        assertThat(admission.admit(() -> Uni.createFrom().item("next")).await().atMost(Duration.ofSeconds(5)), equalTo("next"));
    }

    private double inFlight() {
        return registry.get("cart.admission.in.flight").gauge().value();
    }

    private static ProblemException refusal(Uni<String> admitted) throws Exception {
        try {
            admitted.await().atMost(Duration.ofSeconds(5));
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("not turned away");
    }
}
