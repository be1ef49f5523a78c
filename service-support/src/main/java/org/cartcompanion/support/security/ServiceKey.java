package org.cartcompanion.support.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The public half of the key the services sign their own tokens with ({@code smallrye.jwt.sign.key.location}), and whether a
 * verified token was signed with it. That decides what the token may be: only a service's.
 * <p>
 * The answer depends on the token's bytes and this key alone, so it is remembered for the last {@value #REMEMBERED} tokens
 * seen: a service presents the same token for minutes, and checking its RSA signature a second time on every call it makes is
 * CPU spent for nothing.
 */
@ApplicationScoped
public class ServiceKey {

    static final int REMEMBERED = 256;

    private final PublicKey key;
    private final Map<String, Boolean> answers = Collections.synchronizedMap(new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    public ServiceKey(@ConfigProperty(name = "smallrye.jwt.sign.key.location") Optional<String> location,
            @ConfigProperty(name = "smallrye.jwt.sign.key") Optional<String> inline) {
        this.key = location.map(ServiceKey::read).or(() -> inline).map(ServiceKey::publicOf).orElse(null);
    }

    /** Whether this JWT's RS256 signature is the services' key's; false for any other key, algorithm or shape. */
    public boolean signed(String rawToken) {
        if (key == null || rawToken == null) {
            return false;
        }
        Boolean known = answers.get(rawToken);
        if (known != null) {
            return known;
        }
        boolean answer = verify(rawToken);
        answers.put(rawToken, answer);
        return answer;
    }

    private boolean verify(String rawToken) {
        int last = rawToken.lastIndexOf('.');
        if (last < 0 || rawToken.indexOf('.') == last) {
            return false;
        }
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(key);
            rs256.update(rawToken.substring(0, last).getBytes(StandardCharsets.US_ASCII));
            return rs256.verify(Base64.getUrlDecoder().decode(rawToken.substring(last + 1)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String read(String location) {
        try {
            Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the service signing key at " + location, e);
        }
    }

    private static PublicKey publicOf(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey priv = (RSAPrivateCrtKey) rsa
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return rsa.generatePublic(new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent()));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("The service signing key is not an RSA private key in PKCS#8 PEM", e);
        }
    }
}
