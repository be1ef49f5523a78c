package org.cartcompanion.careteam.mail;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.cartcompanion.support.work.AttemptedRow;

/** A mail written in the transaction that decided to send it, sent by {@link MailDispatcher} until the relay takes it. */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail extends AttemptedRow {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String recipient;

    @Column(nullable = false)
    public String subject;

    @Column(name = "text_body", nullable = false)
    public String textBody;

    @Column(name = "html_body", nullable = false)
    public String htmlBody;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Override
    protected void done(Instant at) {
        sentAt = at;
    }
}
