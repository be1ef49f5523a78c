package org.cartcompanion.support.work;

import java.time.Instant;
import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * Work kept in database rows that fall due: what a job names for the {@link WorkLoop} that runs it. The loop owns the rest:
 * transactions, claiming order, parallelism, the deadline of an attempt, the attempt ledger, backoff, kicks and metrics.
 *
 * <p>
 * With {@link WorkLoop.Claim#BATCH} the rows {@link #due} returns are claimed ({@link DueRows}) in the pass's transaction and
 * stay locked while they are worked. With {@link WorkLoop.Claim#EACH} {@link #due} only reads, and each row is worked in a
 * transaction of its own that first {@link #claim claims} it again, so one row's failure never undoes another's work.
 */
public interface DurableJob<R> {

    /** Up to {@code limit} due rows, the longest due first (claimed under BATCH, read under EACH). */
    Uni<List<R>> due(Instant now, int limit);

    /** When the row fell due, for the oldest-due metric. */
    Instant dueAt(R row);

    /** One attempt at the row's work. A failed Uni is a failed attempt. */
    Uni<Void> work(R row, Instant now);

    /**
     * EACH only, before the row's transaction: what the work needs from elsewhere (no row lock is held while it is fetched).
     */
    default Uni<R> gather(R row, Instant now) {
        return Uni.createFrom().item(row);
    }

    /** EACH only, in the row's transaction: the row locked if still due and free ({@link DueRows#claimOne}); null otherwise. */
    default Uni<R> claim(R row, Instant now) {
        return Uni.createFrom().item(row);
    }

    /**
     * EACH only: what makes two due rows the same row (a row already being worked in this process is left out of another pass,
     * so passes may overlap). The default, the row itself, is right only for rows whose {@code equals} names the row (a record
     * of ids); a job whose rows are entities and that runs more than one pass at once names the row's id, or a row read by two
     * passes is gathered twice (the claim still lets only one of them work it).
     */
    default Object key(R row) {
        return row;
    }

    /** BATCH only, after the claim in the same transaction: the rows to work (the job settles the others itself). */
    default Uni<List<R>> prepare(List<R> claimed, Instant now) {
        return Uni.createFrom().item(claimed);
    }

    /** The row's attempt ledger, written by the loop after each attempt; null when the row keeps none. */
    default Attempted ledger(R row) {
        return row instanceof Attempted attempted ? attempted : null;
    }

    /** After a successful attempt and its ledger entry, in the same transaction. */
    default Uni<Void> succeeded(R row, Outcome<R> outcome) {
        return Uni.createFrom().voidItem();
    }

    /** After a failed attempt and its ledger entry, in the transaction that records it. */
    default Uni<Void> failed(R row, Failure failure) {
        return Uni.createFrom().voidItem();
    }

    /** BATCH only: after every outcome of the batch is recorded, in the same transaction (e.g. one timeline write). */
    default Uni<Void> finish(List<Outcome<R>> outcomes, Instant now) {
        return Uni.createFrom().voidItem();
    }

    /**
     * After the transaction that recorded the row's outcome has committed (EACH: the row's; BATCH: the batch's), e.g. to wake
     * another loop for it or count it in a metric.
     */
    default void committed(Outcome<R> outcome) {
    }

    /** After each pass has committed (e.g. wake another loop for what this one queued). */
    default Uni<Void> afterPass(PassReport report) {
        return Uni.createFrom().voidItem();
    }
}
