package org.cartcompanion.alert.notification.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.config.AlertConfig;

/**
 * The provider's callback signature ({@code X-Twilio-Signature}): base64 of HMAC-SHA1, keyed with the auth token, of the URL
 * the provider called followed by every form parameter's name and value, sorted by name. Without a token and a configured URL
 * nothing is authentic.
 */
@ApplicationScoped
public class ProviderSignature {

    private final AlertConfig.Sms config;

    public ProviderSignature(AlertConfig config) {
        this.config = config.sms();
    }

    public Optional<String> inboundUrl() {
        return config.inboundUrl().filter(u -> !u.isBlank()).map(String::strip);
    }

    /** The voice callback's public URL: its own setting, else the inbound URL with {@code /voice/gather} in its place. */
    public Optional<String> voiceUrl() {
        return config.voiceUrl().filter(u -> !u.isBlank()).map(String::strip)
                .or(() -> inboundUrl().filter(u -> u.endsWith("/sms/inbound"))
                        .map(u -> u.substring(0, u.length() - "/sms/inbound".length()) + "/voice/gather"));
    }

    /** Whether {@code signature} is the provider's for a call to {@code url} with these form parameters. */
    public boolean valid(Optional<String> url, Map<String, List<String>> form, String signature) {
        Optional<String> token = config.authToken().filter(t -> !t.isBlank());
        if (url.isEmpty() || token.isEmpty() || signature == null || signature.isBlank()) {
            return false;
        }
        String expected = sign(token.get().strip(), url.get(), form);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.strip().getBytes(StandardCharsets.US_ASCII));
    }

    static String sign(String token, String url, Map<String, List<String>> form) {
        StringBuilder data = new StringBuilder(url);
        List<String> names = new ArrayList<>(form.keySet());
        names.sort(null);
        for (String name : names) {
            List<String> values = new ArrayList<>(form.get(name));
            values.sort(null);
            for (String value : values) {
                data.append(name).append(value);
            }
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }
}
