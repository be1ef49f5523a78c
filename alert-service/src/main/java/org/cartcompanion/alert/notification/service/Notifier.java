package org.cartcompanion.alert.notification.service;

import org.cartcompanion.alert.notification.Notification;

import io.smallrye.mutiny.Uni;

/**
 * One delivery channel. The dispatcher owns retries, backoff and status; a channel only sends one message and says whether it
 * was accepted. SMS or push come in as further implementations.
 */
public interface Notifier {

    Notification.Channel channel();

    /** Completes when the channel accepted the message; fails otherwise. */
    Uni<Void> send(Page page);
}
