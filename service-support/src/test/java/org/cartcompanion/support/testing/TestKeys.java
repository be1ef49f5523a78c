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
 * Key pairs that exist only for this test run: the trusted one (written to target/ so the service can verify and sign with it)
 * and a foreign one whose tokens must be refused.
 */
public final class TestKeys {

    public static final String ISSUER = "https://cart-companion.local/idp";
    public static final String AUDIENCE = "cart-companion";

    private static final KeyPair TRUSTED = generate();
    private static final KeyPair FOREIGN = generate();
    private static final Path DIR = Path.of("target", "test-keys");

    private TestKeys() {
    }

    public static PrivateKey trustedPrivate() {
        return TRUSTED.getPrivate();
    }

    public static PublicKey trustedPublic() {
        return TRUSTED.getPublic();
    }

    public static PrivateKey foreignPrivate() {
        return FOREIGN.getPrivate();
    }

    /** Writes the trusted pair as PEM files and returns the public and private key paths. */
    public static synchronized Path[] writePem() {
        try {
            Files.createDirectories(DIR);
            Path pub = DIR.resolve("public.pem");
            Path priv = DIR.resolve("private.pem");
            Files.writeString(pub, pem("PUBLIC KEY", TRUSTED.getPublic().getEncoded()));
            Files.writeString(priv, pem("PRIVATE KEY", TRUSTED.getPrivate().getEncoded()));
            return new Path[] { pub.toAbsolutePath(), priv.toAbsolutePath() };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
