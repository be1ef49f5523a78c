package org.cartcompanion.alert.notification.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs and verifies the token of a one-click acknowledge link: the link's id and expiry, with an HMAC-SHA256 whose key is
 * derived from this service's own signing key (so a deployment has no extra secret to manage, and nobody without that key can
 * forge a link). Single use is the database's job ({@code ack_link.used_at}).
 */
@ApplicationScoped
public class AckLinkSigner {

    public record Claims(UUID linkId, Instant expiresAt) {
    }

    private static final int ID_AND_EXPIRY = 16 + 8;
    private static final int MAC_LENGTH = 32;
    private final SecretKeySpec key;

    public AckLinkSigner(@ConfigProperty(name = "smallrye.jwt.sign.key.location") String signKeyLocation) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("cart-companion/alert-service/ack-link/v1".getBytes(StandardCharsets.UTF_8));
            digest.update(read(signKeyLocation));
            this.key = new SecretKeySpec(digest.digest(), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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

    private static byte[] read(String location) {
        String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
        try {
            Path file = Path.of(path);
            if (Files.isReadable(file)) {
                return Files.readAllBytes(file);
            }
            String resource = path.startsWith("classpath:") ? path.substring("classpath:".length()) : path;
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("The signing key " + location + " cannot be read");
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new IllegalStateException("The signing key " + location + " cannot be read", e);
        }
    }
}
