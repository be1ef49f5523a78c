package org.cartcompanion.patient.support;

import org.cartcompanion.support.testing.TestDatabase;
import org.cartcompanion.support.testing.TestKeysResource;

import io.quarkus.test.common.QuarkusTestResource;

/** Test resources shared by every {@code @QuarkusTest} of this module. */
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(TestKeysResource.class)
@QuarkusTestResource(CareTeamStub.class)
@QuarkusTestResource(AlertStub.class)
@QuarkusTestResource(WebPushKeys.class)
public final class TestResources {

    private TestResources() {
    }
}
