package org.cartcompanion.support.security;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Optional;

import org.cartcompanion.support.testing.TestKeys;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Whether a token was signed with the services' key, asked once or many times, and the same answer either way. */
class ServiceKeyTest {

    private final ServiceKey key = new ServiceKey(Optional.of(TestKeys.writePem()[1].toString()), Optional.empty());

    @Test
    void aTokenSignedWithTheServicesKeyIsOneEveryTimeItIsShown() {
        String token = TestTokens.withServiceKey("alert-service", "service");
        for (int i = 0; i < 3; i++) {
            assertThat(key.signed(token), is(true));
        }
    }

    @Test
    void aTokenSignedWithAnotherKeyIsNeverOneHoweverOftenItIsShown() {
        for (String token : new String[] { TestTokens.fromIdp("clinician-1", "clinician"),
                TestTokens.foreignKey("alert-service", "service") }) {
            assertThat(key.signed(token), is(false));
            assertThat(key.signed(token), is(false));
        }
    }

    @Test
    void aServiceTokenEditedAfterSigningIsNotOneEvenRightAfterTheOriginalWasShown() {
        String token = TestTokens.withServiceKey("alert-service", "service");
        assertThat(key.signed(token), is(true));
        String[] parts = token.split("\\.");
        String edited = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        assertThat(key.signed(edited), is(false));
        assertThat(key.signed(token), is(true));
    }

    @Test
    void tokensPastTheRememberedOnesAreCheckedAgainNotForgottenAsTrue() {
        String first = TestTokens.withServiceKey("alert-service", "service");
        assertThat(key.signed(first), is(true));
        for (int i = 0; i <= ServiceKey.REMEMBERED; i++) {
            key.signed(TestTokens.fromIdp("caller-" + i, "clinician"));
        }
        assertThat(key.signed(first), is(true));
        assertThat(key.signed(TestTokens.fromIdp("caller-0", "clinician")), is(false));
    }

    @Test
    void withoutAKeyNothingIsOne() {
        ServiceKey none = new ServiceKey(Optional.empty(), Optional.empty());
        assertThat(none.signed(TestTokens.withServiceKey("alert-service", "service")), is(false));
        assertThat(key.signed(null), is(false));
        assertThat(key.signed("not-a-jwt"), is(false));
    }
}
