package org.cartcompanion.alert.notification.sms;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.notification.Notification;
import org.cartcompanion.alert.notification.Purpose;
import org.cartcompanion.alert.notification.service.Notifier;
import org.cartcompanion.alert.notification.service.Page;

import io.smallrye.mutiny.Uni;

/**
 * A phone call through the provider's Calls API: TwiML that says the page twice and gathers one key; pressing 1 posts to
 * {@code /api/v1/voice/gather} naming this notification, signed by the provider like an inbound SMS.
 */
@ApplicationScoped
public class VoiceNotifier implements Notifier {

    private final SmsProvider provider;
    private final ProviderSignature signature;

    public VoiceNotifier(SmsProvider provider, ProviderSignature signature) {
        this.provider = provider;
        this.signature = signature;
    }

    @Override
    public Notification.Channel channel() {
        return Notification.Channel.VOICE;
    }

    @Override
    public boolean available() {
        return provider.configured() && signature.voiceUrl().isPresent();
    }

    @Override
    public Uni<String> send(Page page) {
        String said = xml(SmsText.spoken(page));
        if (page.purpose() == Purpose.TEST) {
            return provider.call(page.address(), "<Response><Say loop=\"2\">" + said + "</Say></Response>");
        }
        String action = xml(signature.voiceUrl().orElseThrow() + "?notification=" + page.notificationId());
        String twiml = "<Response><Gather input=\"dtmf\" numDigits=\"1\" timeout=\"8\" method=\"POST\" action=\"" + action
                + "\"><Say loop=\"2\">" + said + "</Say></Gather><Say>No key was pressed; the alert is not acknowledged. "
                + "Goodbye.</Say></Response>";
        return provider.call(page.address(), twiml);
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
