package org.cartcompanion.patient.push;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Web push's cryptography with the JDK alone: the message encrypted for one browser (RFC 8291, content coding {@code aes128gcm}
 * of RFC 8188, one record) and the sender's VAPID token (RFC 8292). Keys are P-256, written as browsers and push libraries
 * write them: base64url of the uncompressed point (65 bytes) or of the private scalar (32 bytes).
 */
public final class WebPushCrypto {

    /** The record size written in the header; a reminder is one record far below it. */
    static final int RECORD_SIZE = 4096;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();
    private static final ECParameterSpec P256 = p256();
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebPushCrypto() {
    }

    /** The body to POST to the browser's push endpoint: {@code plaintext} encrypted to its {@code p256dh} and {@code auth}. */
    public static byte[] encrypt(byte[] plaintext, String p256dh, String auth) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return encrypt(plaintext, decode(p256dh), decode(auth), newKeyPair(), salt);
    }

    /** As above with a given sender key pair and salt (RFC 8291 Appendix A checks it); both must be fresh for every message. */
    static byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] auth, KeyPair sender, byte[] salt) {
        try {
            ECPublicKey browser = publicKey(uaPublic);
            byte[] asPublic = raw((ECPublicKey) sender.getPublic());
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(sender.getPrivate());
            agreement.doPhase(browser, true);
            byte[] shared = agreement.generateSecret();
            // RFC 8291 §3.4: IKM from the shared secret and the browser's auth secret, then RFC 8188's key and nonce.
            byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, asPublic);
            byte[] ikm = hkdf(auth, shared, keyInfo, 32);
            byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
            byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
            // The last (and only) record ends with the delimiter 0x02, no padding.
            byte[] ciphertext = aes.doFinal(concat(plaintext, new byte[] { 2 }));
            ByteBuffer body = ByteBuffer.allocate(16 + 4 + 1 + asPublic.length + ciphertext.length);
            body.put(salt).putInt(RECORD_SIZE).put((byte) asPublic.length).put(asPublic).put(ciphertext);
            return body.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the message could not be encrypted for this browser", e);
        }
    }

    /**
     * The {@code Authorization} header for a push service (RFC 8292): {@code vapid t=<ES256 JWT for the endpoint's origin>,
     * k=<public key>}.
     */
    public static String vapid(String endpoint, String subject, String publicKey, String privateKey, Instant expires) {
        java.net.URI uri = java.net.URI.create(endpoint);
        String audience = uri.getScheme() + "://" + uri.getRawAuthority();
        String header = B64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = B64.encodeToString(("{\"aud\":\"" + json(audience) + "\",\"exp\":" + expires.getEpochSecond()
                + ",\"sub\":\"" + json(subject) + "\"}").getBytes(StandardCharsets.UTF_8));
        try {
            Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
            es256.initSign(privateKey(decode(privateKey)));
            es256.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return "vapid t=" + header + "." + claims + "." + B64.encodeToString(es256.sign()) + ", k=" + publicKey;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the VAPID token could not be signed", e);
        }
    }

    /** Whether {@code p256dh} is a point on P-256 and {@code auth} 16 bytes, as a browser's subscription gives them. */
    public static boolean validKeys(String p256dh, String auth) {
        try {
            publicKey(decode(p256dh));
            return decode(auth).length == 16;
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** Whether the two VAPID keys are a P-256 pair (the service refuses to start with a mismatched one). */
    public static boolean validPair(String publicKey, String privateKey) {
        try {
            ECPrivateKey key = privateKey(decode(privateKey));
            ECPublicKey pub = publicKey(decode(publicKey));
            Signature sign = Signature.getInstance("SHA256withECDSA");
            sign.initSign(key);
            sign.update(new byte[] { 1 });
            byte[] signature = sign.sign();
            Signature verify = Signature.getInstance("SHA256withECDSA");
            verify.initVerify(pub);
            verify.update(new byte[] { 1 });
            return verify.verify(signature);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** A new P-256 key pair. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no P-256 in this JDK", e);
        }
    }

    /** The uncompressed point of a public key (65 bytes: 0x04, x, y). */
    public static byte[] raw(ECPublicKey key) {
        byte[] point = new byte[65];
        point[0] = 4;
        copy32(key.getW().getAffineX(), point, 1);
        copy32(key.getW().getAffineY(), point, 33);
        return point;
    }

    /** The 32-byte scalar of a private key. */
    public static byte[] raw(ECPrivateKey key) {
        byte[] scalar = new byte[32];
        copy32(key.getS(), scalar, 0);
        return scalar;
    }

    public static String encode(byte[] bytes) {
        return B64.encodeToString(bytes);
    }

    public static byte[] decode(String base64url) {
        return UNB64.decode(base64url.replace('+', '-').replace('/', '_').replace("=", ""));
    }

    static ECPublicKey publicKey(byte[] point) throws GeneralSecurityException {
        if (point.length != 65 || point[0] != 4) {
            throw new IllegalArgumentException("not an uncompressed P-256 point");
        }
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        // The JDK takes any coordinates; a point off the curve would leak the key in ECDH (invalid-curve attacks).
        BigInteger p = ((java.security.spec.ECFieldFp) P256.getCurve().getField()).getP();
        BigInteger x = w.getAffineX();
        BigInteger y = w.getAffineY();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0 || !y.pow(2).mod(p)
                .equals(x.pow(3).add(P256.getCurve().getA().multiply(x)).add(P256.getCurve().getB()).mod(p))) {
            throw new IllegalArgumentException("not a point on P-256");
        }
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, P256));
    }

    static ECPrivateKey privateKey(byte[] scalar) throws GeneralSecurityException {
        if (scalar.length != 32) {
            throw new IllegalArgumentException("not a P-256 private key");
        }
        return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar),
                P256));
    }

    /** HKDF-SHA256 (RFC 5869) for at most 32 bytes: one block of expand. */
    private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = mac.doFinal(ikm);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info);
        mac.update((byte) 1);
        return Arrays.copyOf(mac.doFinal(), length);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        ByteBuffer all = ByteBuffer.allocate(length);
        for (byte[] p : parts) {
            all.put(p);
        }
        return all.array();
    }

    private static void copy32(BigInteger value, byte[] into, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, into, offset + 32 - length, length);
    }

    private static String json(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no P-256 in this JDK", e);
        }
    }
}
