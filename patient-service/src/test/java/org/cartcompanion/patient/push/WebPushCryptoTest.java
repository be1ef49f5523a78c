package org.cartcompanion.patient.push;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/** Web push's cryptography against RFC 8291's published example, and as a browser would open it. */
class WebPushCryptoTest {

    // RFC 8291, Appendix A.
    private static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    private static final String AS_PUBLIC = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    private static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    private static final String UA_PUBLIC = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
    private static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    private static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    @Test
    void theRfcExampleEncryptsToItsPublishedBody() throws Exception {
        KeyPair sender = new KeyPair(WebPushCrypto.publicKey(WebPushCrypto.decode(AS_PUBLIC)),
                WebPushCrypto.privateKey(WebPushCrypto.decode(AS_PRIVATE)));
        byte[] body = WebPushCrypto.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), WebPushCrypto.decode(UA_PUBLIC),
                WebPushCrypto.decode(AUTH), sender, WebPushCrypto.decode(SALT));
        assertEquals(BODY, WebPushCrypto.encode(body));
    }

    @Test
    void aBrowserOpensWhatIsSentToItAndEachMessageHasItsOwnKeyAndSalt() throws Exception {
        KeyPair browser = WebPushCrypto.newKeyPair();
        byte[] auth = new byte[16];
        new java.security.SecureRandom().nextBytes(auth);
        String p256dh = WebPushCrypto.encode(WebPushCrypto.raw((ECPublicKey) browser.getPublic()));
        byte[] message = "{\"title\":\"Check-in due\"}".getBytes(StandardCharsets.UTF_8);
        byte[] first = WebPushCrypto.encrypt(message, p256dh, WebPushCrypto.encode(auth));
        byte[] second = WebPushCrypto.encrypt(message, p256dh, WebPushCrypto.encode(auth));
        assertArrayEquals(message, decrypt(first, browser, auth));
        assertArrayEquals(message, decrypt(second, browser, auth));
        assertFalse(Arrays.equals(Arrays.copyOf(first, 86), Arrays.copyOf(second, 86)), "a fresh salt and key each time");
    }

    @Test
    void theVapidTokenIsSignedForThePushServicesOriginAndChecksWithThePublicKey() throws Exception {
        KeyPair vapid = WebPushCrypto.newKeyPair();
        String publicKey = WebPushCrypto.encode(WebPushCrypto.raw((ECPublicKey) vapid.getPublic()));
        String privateKey = WebPushCrypto.encode(WebPushCrypto.raw((ECPrivateKey) vapid.getPrivate()));
        assertTrue(WebPushCrypto.validPair(publicKey, privateKey));
        Instant expires = Instant.parse("2026-12-05T10:00:00Z");
        String header = WebPushCrypto.vapid("https://push.example.net:8443/send/abc?x=1", "mailto:ops@hospital.example",
                publicKey, privateKey, expires);
        assertTrue(header.startsWith("vapid t="), header);
        assertTrue(header.endsWith(", k=" + publicKey), header);
        String jwt = header.substring("vapid t=".length(), header.indexOf(','));
        String[] parts = jwt.split("\\.");
        String claims = new String(WebPushCrypto.decode(parts[1]), StandardCharsets.UTF_8);
        assertEquals("{\"aud\":\"https://push.example.net:8443\",\"exp\":" + expires.getEpochSecond()
                + ",\"sub\":\"mailto:ops@hospital.example\"}", claims);
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(vapid.getPublic());
        es256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(es256.verify(WebPushCrypto.decode(parts[2])));
        assertFalse(WebPushCrypto.validPair(publicKey,
                WebPushCrypto.encode(WebPushCrypto.raw((ECPrivateKey) WebPushCrypto.newKeyPair().getPrivate()))));
    }

    @Test
    void aSubscriptionsKeysAreCheckedAsABrowserWritesThem() {
        assertTrue(WebPushCrypto.validKeys(UA_PUBLIC, AUTH));
        byte[] offCurve = WebPushCrypto.decode(UA_PUBLIC);
        offCurve[64] ^= 1;
        assertFalse(WebPushCrypto.validKeys(WebPushCrypto.encode(offCurve), AUTH), "a point off the curve");
        assertFalse(WebPushCrypto.validKeys(UA_PUBLIC, "c2hvcnQ"), "an auth secret that is not 16 bytes");
        assertFalse(WebPushCrypto.validKeys("not base64!", AUTH));
    }

    /** What the browser does with a push message (RFC 8291 §3.4 from the receiving side). */
    static byte[] decrypt(byte[] body, KeyPair browser, byte[] auth) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        assertEquals(4096, in.getInt());
        byte[] asPublic = new byte[in.get()];
        in.get(asPublic);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(browser.getPrivate());
        agreement.doPhase(WebPushCrypto.publicKey(asPublic), true);
        byte[] uaPublic = WebPushCrypto.raw((ECPublicKey) browser.getPublic());
        byte[] info = ByteBuffer.allocate(14 + 65 + 65).put("WebPush: info\0".getBytes(StandardCharsets.US_ASCII))
                .put(uaPublic).put(asPublic).array();
        byte[] ikm = hkdf(auth, agreement.generateSecret(), info, 32);
        byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = aes.doFinal(ciphertext);
        assertEquals(2, padded[padded.length - 1], "the last record's delimiter");
        return Arrays.copyOf(padded, padded.length - 1);
    }

    private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        mac.init(new SecretKeySpec(mac.doFinal(ikm), "HmacSHA256"));
        mac.update(info);
        mac.update((byte) 1);
        return Arrays.copyOf(mac.doFinal(), length);
    }
}
