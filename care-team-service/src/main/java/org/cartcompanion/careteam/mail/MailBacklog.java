package org.cartcompanion.careteam.mail;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.support.metrics.Backlog;
import org.cartcompanion.support.metrics.Backlogs;

/** Mails queued and not yet taken by the mail server (hand-off notices), reported as {@code cart_backlog_*{backlog="mail"}}. */
@ApplicationScoped
public class MailBacklog implements Backlogs {

    @Override
    public List<Backlog> backlogs() {
        return List.of(new Backlog("mail", "mail_outbox", "sent_at IS NULL", "created_at"));
    }
}
