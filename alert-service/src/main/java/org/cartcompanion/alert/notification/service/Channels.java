package org.cartcompanion.alert.notification.service;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.cartcompanion.alert.notification.Notification;

/** The delivery channels of this deployment: email always; SMS and voice once the provider is configured (alert.sms.*). */
@ApplicationScoped
public class Channels {

    private final Map<Notification.Channel, Notifier> notifiers = new EnumMap<>(Notification.Channel.class);

    public Channels(Instance<Notifier> all) {
        all.forEach(n -> notifiers.put(n.channel(), n));
    }

    /** Whether a notification on {@code channel} can be sent here. */
    public boolean sends(Notification.Channel channel) {
        Notifier n = notifiers.get(channel);
        return n != null && n.available();
    }

    public Notifier notifier(Notification.Channel channel) {
        return notifiers.get(channel);
    }
}
