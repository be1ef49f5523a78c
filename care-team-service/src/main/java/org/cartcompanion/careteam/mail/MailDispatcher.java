package org.cartcompanion.careteam.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.config.CareTeamConfig;
import org.cartcompanion.support.reactive.Deadlines;
import org.cartcompanion.support.time.Backoff;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;

/**
 * Sends queued mail. Every replica runs it; {@code FOR UPDATE SKIP LOCKED} gives each row to one of them. A refused or
 * unreachable relay is retried with growing waits until it takes the mail; nothing is dropped. Delivery is at least once: a
 * crash between the relay's acceptance and the commit sends that mail again. A relay that stalls fails the attempt after
 * {@code careteam.mail.send-timeout} (the reactive mailer has no limit of its own), back on the transaction's context.
 */
@ApplicationScoped
public class MailDispatcher {

    private static final int BATCH = 20;

    private final ReactiveMailer mailer;
    private final Clock clock;
    private final CareTeamConfig.Mail config;

    public MailDispatcher(ReactiveMailer mailer, Clock clock, CareTeamConfig config) {
        this.mailer = mailer;
        this.clock = clock;
        this.config = config.mail();
    }

    @Scheduled(every = "${careteam.mail.send-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return sendDue().replaceWithVoid().onFailure().recoverWithItem(e -> {
            Log.warnf(e, "mail pass failed");
            return null;
        });
    }

    /** One pass: sends what is due; answers how many were sent. */
    public Uni<Integer> sendDue() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> due(now).flatMap(mails -> Multi.createFrom().iterable(mails).onItem()
                .transformToUniAndConcatenate(this::send).collect().asList()
                .map(results -> (int) results.stream().filter(Boolean::booleanValue).count())));
    }

    private Uni<List<OutboxMail>> due(Instant now) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "SELECT * FROM mail_outbox WHERE sent_at IS NULL AND next_attempt_at <= :now ORDER BY next_attempt_at"
                        + " LIMIT :limit FOR UPDATE SKIP LOCKED",
                OutboxMail.class).setParameter("now", now).setParameter("limit", BATCH).getResultList());
    }

    private Uni<Boolean> send(OutboxMail m) {
        Mail mail = Mail.withText(m.recipient, m.subject, m.textBody).setHtml(m.htmlBody);
        return Deadlines.within(config.sendTimeout(), () -> mailer.send(mail)).map(sent -> {
            m.sentAt = clock.instant();
            m.attempts++;
            return true;
        }).onFailure().recoverWithItem(e -> {
            m.attempts++;
            m.lastError = e instanceof TimeoutException ? "no answer from the mail server within the send timeout"
                    : e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
            if (m.lastError.length() > 500) {
                m.lastError = m.lastError.substring(0, 500);
            }
            m.nextAttemptAt = clock.instant().plus(Backoff.after(m.attempts, config.retryBase(), config.retryMax()));
            Log.warnf("mail not accepted by the relay (attempt %d), retrying at %s: %s", m.attempts, m.nextAttemptAt,
                    m.lastError);
            return false;
        });
    }
}
