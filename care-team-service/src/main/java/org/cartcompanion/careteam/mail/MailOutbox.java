package org.cartcompanion.careteam.mail;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.config.CareTeamConfig;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * Queues notices to clinicians in the caller's transaction. Notices name no patient: they say what happened and link to the
 * console, where the reader signs in.
 */
@ApplicationScoped
public class MailOutbox {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance noticeText(String title, List<String> lines, String link, String linkLabel);

        static native TemplateInstance noticeHtml(String title, List<String> lines, String link, String linkLabel);
    }

    private final Clock clock;
    private final String console;

    public MailOutbox(Clock clock, CareTeamConfig config) {
        this.clock = clock;
        this.console = config.links().console();
    }

    /** The console address of a path below it, e.g. {@code handoffs/ID}. */
    public String console(String path) {
        return console + "/" + path;
    }

    /** Queues one notice to each address; nothing when there is none. */
    public Uni<Void> notice(Collection<String> to, String title, List<String> lines, String link, String linkLabel) {
        if (to.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String text = Templates.noticeText(title, lines, link, linkLabel).render();
        String html = Templates.noticeHtml(title, lines, link, linkLabel).render();
        List<OutboxMail> mails = to.stream().distinct().map(address -> {
            OutboxMail m = new OutboxMail();
            m.id = UUID.randomUUID();
            m.recipient = address;
            m.subject = "CAR-T Companion: " + title;
            m.textBody = text;
            m.htmlBody = html;
            m.createdAt = clock.instant();
            m.nextAttemptAt = m.createdAt;
            return m;
        }).toList();
        return Panache.getSession().flatMap(session -> session.persistAll(mails.toArray()));
    }
}
