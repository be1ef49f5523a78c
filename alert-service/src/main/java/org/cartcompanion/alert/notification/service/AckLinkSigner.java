package org.cartcompanion.alert.notification.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.config.AlertConfig;

/**
 * Signs and verifies the token of a one-click acknowledge link: the link's id and expiry, with an HMAC-SHA256 keyed by its own
 * secret, {@code alert.ack-link.secret} (ALERT_ACK_LINK_SECRET, a Kubernetes Secret): not the token signing key, so rotating
 * one leaves the other alone and a leak of one forges nothing of the other. Changing it voids the links already sent (their
 * pages say so; the alerts go on escalating). Single use is the database's job ({@code ack_link.used_at}).
 */
@ApplicationScoped
public class AckLinkSigner {

    public record Claims(UUID linkId, Instant expiresAt) {
    }

    private static final int ID_AND_EXPIRY = 16 + 8;
    private static final int MAC_LENGTH = 32;
    private final SecretKeySpec key;

    /** The secret, {@code alert.ack-link.secret}, is validated at startup (at least 32 characters; see AlertConfig). */
    public AckLinkSigner(AlertConfig config) {
        this.key = new SecretKeySpec(config.ackLink().secret().strip().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String sign(UUID linkId, Instant expiresAt) {
        ByteBuffer payload = ByteBuffer.allocate(ID_AND_EXPIRY + MAC_LENGTH);
        payload.putLong(linkId.getMostSignificantBits()).putLong(linkId.getLeastSignificantBits())
                .putLong(expiresAt.getEpochSecond());
        payload.put(mac(payload.array(), ID_AND_EXPIRY));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array());
    }

    /** The claims of an authentic token (expired or not); empty for anything forged, truncated or altered. */
    public Optional<Claims> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != ID_AND_EXPIRY + MAC_LENGTH) {
            return Optional.empty();
        }
        byte[] expected = mac(raw, ID_AND_EXPIRY);
        byte[] given = new byte[MAC_LENGTH];
        System.arraycopy(raw, ID_AND_EXPIRY, given, 0, MAC_LENGTH);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        return Optional.of(new Claims(id, Instant.ofEpochSecond(buffer.getLong())));
    }

    private byte[] mac(byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(data, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
