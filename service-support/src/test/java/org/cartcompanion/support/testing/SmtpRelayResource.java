package org.cartcompanion.support.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A test resource: a real {@link SmtpRelay} for the application under test, its mailer pointed at it. */
public class SmtpRelayResource implements QuarkusTestResourceLifecycleManager {

    private static volatile SmtpRelay relay;

    /** The relay of the running test application. */
    public static SmtpRelay relay() {
        return relay;
    }

    @Override
    public Map<String, String> start() {
        relay = new SmtpRelay();
        return relay.mailerConfig();
    }

    @Override
    public void stop() {
        if (relay != null) {
            relay.stop();
        }
    }
}
