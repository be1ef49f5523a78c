package org.cartcompanion.patient.support;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Map;

import org.cartcompanion.patient.push.WebPushCrypto;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Web push turned on for the tests, with a VAPID key pair made for this run only. */
public class WebPushKeys implements QuarkusTestResourceLifecycleManager {

    private static String publicKey;

    @Override
    public Map<String, String> start() {
        KeyPair pair = WebPushCrypto.newKeyPair();
        publicKey = WebPushCrypto.encode(WebPushCrypto.raw((ECPublicKey) pair.getPublic()));
        return Map.of("patient.web-push.enabled", "true", "patient.web-push.public-key", publicKey,
                "patient.web-push.private-key", WebPushCrypto.encode(WebPushCrypto.raw((ECPrivateKey) pair.getPrivate())),
                "patient.web-push.subject", "mailto:ops@hospital.example");
    }

    @Override
    public void stop() {
    }

    public static String publicKey() {
        return publicKey;
    }
}
