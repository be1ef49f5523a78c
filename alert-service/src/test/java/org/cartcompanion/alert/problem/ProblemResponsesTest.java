package org.cartcompanion.alert.problem;

import org.cartcompanion.support.testing.ProblemResponsesContract;

import io.quarkus.test.junit.QuarkusTest;

/** The shared problem+json mapping is wired into this service. */
@QuarkusTest
class ProblemResponsesTest extends ProblemResponsesContract {
}
