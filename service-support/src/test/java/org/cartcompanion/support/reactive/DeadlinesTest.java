package org.cartcompanion.support.reactive;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

class DeadlinesTest {

    static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** What the call answered (or how it failed), and the thread the answer arrived on. */
    record Outcome(Object value, Thread thread) {
    }

    private static Outcome runOn(Context context, Duration limit, Uni<String> call) throws Exception {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        CompletableFuture<Thread> contextThread = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            contextThread.complete(Thread.currentThread());
            Deadlines.within(limit, () -> call).subscribe().with(
                    item -> outcome.complete(new Outcome(item, Thread.currentThread())),
                    failure -> outcome.complete(new Outcome(failure, Thread.currentThread())));
        });
        Outcome result = outcome.get(10, TimeUnit.SECONDS);
        assertThat("the outcome arrives on the caller's context", result.thread(), equalTo(contextThread.get()));
        return result;
    }

    @Test
    void aCallThatNeverAnswersFailsOnTheCallersContext() throws Exception {
        Outcome outcome = runOn(vertx.getOrCreateContext(), Duration.ofMillis(200), Uni.createFrom().nothing());
        assertThat(outcome.value(), instanceOf(TimeoutException.class));
    }

    @Test
    void anAnswerFromAnotherThreadComesBackOnTheCallersContext() throws Exception {
        // Answered 100 ms later on another thread, well after the subscription on the context.
        Uni<String> elsewhere = Uni.createFrom().completionStage(() -> CompletableFuture.supplyAsync(() -> "sent",
                CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)));
        Outcome outcome = runOn(vertx.getOrCreateContext(), Duration.ofSeconds(5), elsewhere);
        assertThat(outcome.value(), equalTo("sent"));
    }

    @Test
    void aFailureBeforeTheLimitIsPassedOn() throws Exception {
        Outcome outcome = runOn(vertx.getOrCreateContext(), Duration.ofSeconds(5),
                Uni.createFrom().failure(new IllegalStateException("relay refused")));
        assertThat(outcome.value(), instanceOf(IllegalStateException.class));
    }

    @Test
    void withoutAContextTheTimeoutStillFires() {
        Object outcome = Deadlines.within(Duration.ofMillis(100), () -> Uni.createFrom().<String> nothing())
                .onFailure().recoverWithItem(e -> e.getClass().getSimpleName()).await().atMost(Duration.ofSeconds(5));
        assertThat(outcome, equalTo("TimeoutException"));
    }
}
