package org.cartcompanion.alert.notification.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.config.AlertConfig;

/**
 * The code a clinician replies with to acknowledge by SMS: six digits, one per alert and paged number, derived with the
 * service's link key (nothing stored; the same code on every page of the alert to that number). A code only acknowledges an
 * alert that paged the number it comes from.
 */
@ApplicationScoped
public class ReplyCodes {

    private final SecretKeySpec key;

    public ReplyCodes(AlertConfig config) {
        this.key = new SecretKeySpec(("reply-code:" + config.ackLink().secret().strip()).getBytes(StandardCharsets.UTF_8),
                "HmacSHA256");
    }

    public String code(UUID alertId, String number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] h = mac.doFinal((alertId + "|" + number.strip()).getBytes(StandardCharsets.UTF_8));
            int value = ((h[0] & 0x7f) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
            return String.format("%06d", value % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Whether {@code code} is the one sent to {@code number} for the alert (compared in constant time). */
    public boolean matches(UUID alertId, String number, String code) {
        return MessageDigest.isEqual(code(alertId, number).getBytes(StandardCharsets.US_ASCII),
                code.getBytes(StandardCharsets.US_ASCII));
    }
}
