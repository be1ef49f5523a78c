package org.cartcompanion.support.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

/**
 * The shared problem+json mapping is wired into the service under test: each service's {@code @QuarkusTest} extends this.
 */
public abstract class ProblemResponsesContract {

    @Test
    void anUnknownPathIsA404ProblemWithoutInternals() {
        given().contentType("application/json").body("{not json")
                .post("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", containsString("/problems/not-found"))
                .body(not(containsString("Exception")));
    }
}
