package org.cartcompanion.e2e.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The identity provider of the end-to-end run: a key pair made for the run (the services verify with its public key and
 * sign their own service tokens with its private key), and RS256 tokens for the people in the scenarios.
 */
public final class Tokens {

    public static final String ISSUER = "https://cart-companion.local/idp";
    public static final String AUDIENCE = "cart-companion";

    private final KeyPair keys;
    private final Path publicPem;
    private final Path privatePem;

    Tokens(Path dir) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        Files.createDirectories(dir);
        publicPem = dir.resolve("public.pem");
        privatePem = dir.resolve("private.pem");
        Files.writeString(publicPem, pem("PUBLIC KEY", keys.getPublic().getEncoded()));
        Files.writeString(privatePem, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
    }

    public Path publicPem() {
        return publicPem;
    }

    public Path privatePem() {
        return privatePem;
    }

    /** A token for {@code subject} with these groups, valid for an hour. */
    public String token(String subject, String... groups) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"%s\",\"aud\":\"%s\",\"sub\":\"%s\",\"upn\":\"%s\",\"groups\":[%s],\"iat\":%d,\"exp\":%d,\"jti\":\"%s\"}"
                .formatted(ISSUER, AUDIENCE, subject, subject,
                        List.of(groups).stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(",")), now,
                        now + 3600, UUID.randomUUID());
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signingInput = url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + url.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
