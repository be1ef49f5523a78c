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
 * The keys of the end-to-end run, made for it: the services' pair (they sign their own tokens with it) and the identity
 * provider's (RS256 tokens for the people in the scenarios); the services verify against both, as one JWKS.
 */
public final class Tokens {

    public static final String ISSUER = "https://cart-companion.local/idp";
    public static final String AUDIENCE = "cart-companion";

    public static final String SERVICES_KID = "cart-companion-services";
    public static final String IDP_KID = "e2e-idp";

    private final KeyPair services;
    private final KeyPair idp;
    private final Path publicPem;
    private final Path privatePem;

    Tokens(Path dir) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        services = generator.generateKeyPair();
        idp = generator.generateKeyPair();
        Files.createDirectories(dir);
        publicPem = dir.resolve("verify-keys.jwks");
        privatePem = dir.resolve("private.pem");
        Files.writeString(publicPem, "{\"keys\":[" + jwk(SERVICES_KID, services) + "," + jwk(IDP_KID, idp) + "]}");
        Files.writeString(privatePem, pem("PRIVATE KEY", services.getPrivate().getEncoded()));
    }

    /** The key set the services verify with: the services' public key and the identity provider's. */
    public Path publicPem() {
        return publicPem;
    }

    public Path privatePem() {
        return privatePem;
    }

    /**
     * A token for {@code subject} with these groups, valid for an hour: a service's ({@code service} group) signed with the
     * services' key, anybody else's by the identity provider.
     */
    public String token(String subject, String... groups) {
        return List.of(groups).contains("service") ? sign(services, SERVICES_KID, subject, groups)
                : sign(idp, IDP_KID, subject, groups);
    }

    /** Signed by the identity provider whatever the groups: an IdP token that claims the service group, say. */
    public String fromIdp(String subject, String... groups) {
        return sign(idp, IDP_KID, subject, groups);
    }

    /** Signed with the services' key whatever the subject and groups: a service token made to act as a user, say. */
    public String withServiceKey(String subject, String... groups) {
        return sign(services, SERVICES_KID, subject, groups);
    }

    private static String sign(KeyPair keys, String kid, String subject, String... groups) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
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

    private static String jwk(String kid, KeyPair pair) {
        java.security.interfaces.RSAPublicKey rsa = (java.security.interfaces.RSAPublicKey) pair.getPublic();
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\""
                + url.encodeToString(unsigned(rsa.getModulus().toByteArray())) + "\",\"e\":\""
                + url.encodeToString(unsigned(rsa.getPublicExponent().toByteArray())) + "\"}";
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
