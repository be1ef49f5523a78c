package org.cartcompanion.alert.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Test resources shared by every {@code @QuarkusTest} of this module. */
@QuarkusTestResource(TestKeysResource.class)
public final class TestResources {

    private TestResources() {
    }
}
