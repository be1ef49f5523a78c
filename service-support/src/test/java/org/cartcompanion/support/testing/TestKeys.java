package org.cartcompanion.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

/**
 * Key pairs that exist only for this test run: the services' own (trusted: the service signs its tokens with it), the identity
 * provider's (users' tokens), both written to target/ as a JWKS the service verifies with, and a foreign one whose tokens must
 * be refused.
 */
public final class TestKeys {

    public static final String ISSUER = "https://cart-companion.local/idp";
    public static final String AUDIENCE = "cart-companion";

    private static final KeyPair TRUSTED = generate();
    private static final KeyPair IDP = generate();
    private static final KeyPair FOREIGN = generate();
    /** The key ids in the JWKS and in the tokens' headers. */
    public static final String SERVICES_KID = "cart-companion-services";
    public static final String IDP_KID = "test-idp";
    private static final Path DIR = Path.of("target", "test-keys");

    private TestKeys() {
    }

    public static PrivateKey trustedPrivate() {
        return TRUSTED.getPrivate();
    }

    public static PublicKey trustedPublic() {
        return TRUSTED.getPublic();
    }

    public static PrivateKey idpPrivate() {
        return IDP.getPrivate();
    }

    public static PrivateKey foreignPrivate() {
        return FOREIGN.getPrivate();
    }

    /**
     * Writes the verification key set (the services' and the identity provider's public keys) and the services' private key;
     * returns the JWKS and the private key paths.
     */
    public static synchronized Path[] writePem() {
        try {
            Files.createDirectories(DIR);
            Path jwks = DIR.resolve("verify-keys.jwks");
            Path priv = DIR.resolve("private.pem");
            Files.writeString(jwks, "{\"keys\":[" + jwk(SERVICES_KID, TRUSTED.getPublic()) + ","
                    + jwk(IDP_KID, IDP.getPublic()) + "]}");
            Files.writeString(priv, pem("PRIVATE KEY", TRUSTED.getPrivate().getEncoded()));
            return new Path[] { jwks.toAbsolutePath(), priv.toAbsolutePath() };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jwk(String kid, PublicKey key) {
        java.security.interfaces.RSAPublicKey rsa = (java.security.interfaces.RSAPublicKey) key;
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\""
                + url.encodeToString(unsigned(rsa.getModulus().toByteArray())) + "\",\"e\":\""
                + url.encodeToString(unsigned(rsa.getPublicExponent().toByteArray())) + "\"}";
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
