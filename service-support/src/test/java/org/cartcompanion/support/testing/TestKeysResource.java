package org.cartcompanion.support.testing;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the service at this run's trusted key pair for verifying and for signing service tokens. */
public class TestKeysResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Path[] keys = TestKeys.writePem();
        return Map.of("mp.jwt.verify.publickey.location", keys[0].toUri().toString(), "smallrye.jwt.sign.key.location",
                keys[1].toUri().toString(), "mp.jwt.verify.issuer", TestKeys.ISSUER);
    }

    @Override
    public void stop() {
    }
}
