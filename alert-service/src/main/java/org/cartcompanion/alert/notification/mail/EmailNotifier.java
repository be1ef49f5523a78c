package org.cartcompanion.alert.notification.mail;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.notification.Notification;
import org.cartcompanion.alert.notification.Purpose;
import org.cartcompanion.alert.notification.service.Notifier;
import org.cartcompanion.alert.notification.service.Page;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;

/** Email through the configured SMTP relay (quarkus.mailer.*). */
@ApplicationScoped
public class EmailNotifier implements Notifier {

    private final ReactiveMailer mailer;

    public EmailNotifier(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public Notification.Channel channel() {
        return Notification.Channel.EMAIL;
    }

    @Override
    public Uni<String> send(Page page) {
        if (page.purpose() == Purpose.TEST) {
            return mailer.send(Mail.withText(page.address(), page.subject(), Page.TEST_TEXT)).replaceWith((String) null);
        }
        return AlertMails.page(page).to(page.address()).subject(page.subject()).send().replaceWith((String) null);
    }
}
