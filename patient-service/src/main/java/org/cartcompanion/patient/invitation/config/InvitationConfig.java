package org.cartcompanion.patient.invitation.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Invitations to join a patient's record (API v1.1). */
@ConfigMapping(prefix = "patient.invitations")
public interface InvitationConfig {

    /** How long an invitation can be accepted. */
    @WithDefault("PT72H")
    Duration lifetime();

    /**
     * The patient app's public address; an invitation's link is this followed by {@code #/join/<code>} (a fragment, so the code
     * never reaches a server's access log or a Referer header).
     */
    @WithDefault("http://localhost:8081/app/")
    String linkBase();

    /** How often invitation mails that are due are sent; {@code off} disables the timer. */
    @WithDefault("2s")
    String sendEvery();

    /** A mail server that accepts the connection and then stalls fails the attempt after this long. */
    @WithDefault("PT30S")
    Duration sendTimeout();

    /** The wait after a first failed mail attempt; it doubles with each failure up to {@code retry-max}. */
    @WithDefault("PT10S")
    Duration retryBase();

    /** The longest wait between two attempts at an invitation mail. */
    @WithDefault("PT10M")
    Duration retryMax();
}
