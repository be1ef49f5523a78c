package org.cartcompanion.patient.push.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Reminders by web push (RFC 8030 with RFC 8291 encryption and RFC 8292 VAPID), besides the reminder mails. Off by default. */
@ConfigMapping(prefix = "patient.web-push")
public interface WebPushConfig {

    /** Whether the app offers reminders on the phone and the service sends them. */
    @WithDefault("false")
    boolean enabled();

    /** The application server's VAPID public key: base64url of the uncompressed P-256 point (65 bytes). */
    Optional<String> publicKey();

    /** Its private key: base64url of the 32-byte P-256 scalar. A secret: from the environment, never in git. */
    Optional<String> privateKey();

    /** Who push services may contact about this sender (RFC 8292 {@code sub}): a mailto: or https: URL. */
    @WithDefault("mailto:cart-companion@localhost")
    String subject();

    /** How long a push service keeps an undelivered reminder for a phone that is off. */
    @WithDefault("PT12H")
    Duration ttl();

    /** How long one send may take. */
    @WithDefault("PT10S")
    Duration timeout();
}
