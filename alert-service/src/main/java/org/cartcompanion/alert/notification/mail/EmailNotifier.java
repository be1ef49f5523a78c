package org.cartcompanion.alert.notification.mail;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.notification.Notification;
import org.cartcompanion.alert.notification.service.Notifier;
import org.cartcompanion.alert.notification.service.Page;

import io.smallrye.mutiny.Uni;

/** Email through the configured SMTP relay (quarkus.mailer.*). */
@ApplicationScoped
public class EmailNotifier implements Notifier {

    @Override
    public Notification.Channel channel() {
        return Notification.Channel.EMAIL;
    }

    @Override
    public Uni<String> send(Page page) {
        return AlertMails.page(page).to(page.address()).subject(page.subject()).send().replaceWith((String) null);
    }
}
