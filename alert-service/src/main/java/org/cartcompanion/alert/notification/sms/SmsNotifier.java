package org.cartcompanion.alert.notification.sms;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.notification.Notification;
import org.cartcompanion.alert.notification.service.Notifier;
import org.cartcompanion.alert.notification.service.Page;

import io.smallrye.mutiny.Uni;

/** SMS through the provider; the text carries the reply code that acknowledges. */
@ApplicationScoped
public class SmsNotifier implements Notifier {

    private final SmsProvider provider;
    private final ReplyCodes codes;

    public SmsNotifier(SmsProvider provider, ReplyCodes codes) {
        this.provider = provider;
        this.codes = codes;
    }

    @Override
    public Notification.Channel channel() {
        return Notification.Channel.SMS;
    }

    @Override
    public boolean available() {
        return provider.configured();
    }

    @Override
    public Uni<String> send(Page page) {
        String code = page.alertId() == null ? null : codes.code(page.alertId(), page.address());
        return provider.message(page.address(), SmsText.sms(page, code));
    }
}
