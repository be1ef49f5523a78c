package org.cartcompanion.alert.notification.service;

import org.cartcompanion.alert.notification.Notification;

import io.smallrye.mutiny.Uni;

/**
 * One delivery channel. The dispatcher owns retries, backoff and status; a channel only sends one message and says whether it
 * was accepted: it completes with the provider's id of the message (null when there is none), or fails, with a permanent
 * {@link org.cartcompanion.support.work.Refusal} when trying again cannot help.
 */
public interface Notifier {

    Notification.Channel channel();

    /** Whether this deployment can send on the channel (its provider is configured). */
    default boolean available() {
        return true;
    }

    Uni<String> send(Page page);
}
