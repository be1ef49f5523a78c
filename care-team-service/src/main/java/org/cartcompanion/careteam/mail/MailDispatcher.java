package org.cartcompanion.careteam.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.config.CareTeamConfig;
import org.cartcompanion.support.work.DueRows;
import org.cartcompanion.support.work.DurableJob;
import org.cartcompanion.support.work.Failure;
import org.cartcompanion.support.work.RetryPolicy;
import org.cartcompanion.support.work.WorkLoop;
import org.cartcompanion.support.work.WorkLoops;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Sends queued mail. Every replica runs it; each row is claimed by one of them. A refused or unreachable relay is retried with
 * growing waits until it takes the mail; nothing is dropped. Delivery is at least once: a crash between the relay's acceptance
 * and the commit sends that mail again. A relay that stalls fails the attempt after {@code careteam.mail.send-timeout} (the
 * reactive mailer has no limit of its own).
 */
@ApplicationScoped
public class MailDispatcher implements DurableJob<OutboxMail> {

    private static final int BATCH = 20;
    private static final String DUE = DueRows.claim("mail_outbox", "sent_at IS NULL AND next_attempt_at <= :now",
            "next_attempt_at");

    private final ReactiveMailer mailer;
    private final Clock clock;
    private final WorkLoop<OutboxMail> loop;

    public MailDispatcher(ReactiveMailer mailer, Clock clock, CareTeamConfig config, WorkLoops loops) {
        this.mailer = mailer;
        this.clock = clock;
        CareTeamConfig.Mail mail = config.mail();
        this.loop = loops.loop(this, WorkLoop.Settings.of("mail", WorkLoop.Claim.BATCH, BATCH)
                .deadline(mail.sendTimeout(), "no answer from the mail server within the send timeout")
                .retry(new RetryPolicy(mail.retryBase(), mail.retryMax())));
    }

    @Scheduled(every = "${careteam.mail.send-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        loop.kick();
    }

    /** One pass: sends what is due; answers how many were sent. */
    public Uni<Integer> sendDue() {
        return loop.pass(clock.instant()).map(report -> report.succeeded());
    }

    @Override
    public Uni<List<OutboxMail>> due(Instant now, int limit) {
        return DueRows.list(OutboxMail.class, DUE, Map.of("now", now, "limit", limit));
    }

    @Override
    public Instant dueAt(OutboxMail row) {
        return row.nextAttemptAt;
    }

    @Override
    public Uni<Void> work(OutboxMail m, Instant now) {
        return mailer.send(Mail.withText(m.recipient, m.subject, m.textBody).setHtml(m.htmlBody));
    }

    @Override
    public Uni<Void> failed(OutboxMail m, Failure failure) {
        Log.warnf("mail not accepted by the relay (attempt %d), retrying at %s: %s", failure.attempt(), failure.retryAt(),
                failure.error());
        return Uni.createFrom().voidItem();
    }
}
