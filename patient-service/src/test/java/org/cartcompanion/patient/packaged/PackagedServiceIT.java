package org.cartcompanion.patient.packaged;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged service, black-box: the jar in {@code ./mvnw verify}, the native executable in the native workflow. It starts,
 * migrates its database, reports ready, documents its API and refuses a request without a token.
 */
@QuarkusIntegrationTest
class PackagedServiceIT {

    @Test
    void startsReadyDocumentedAndClosedToAnonymousCallers() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/patients/{id}/check-ins"));
        given().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
        given().get("/internal/v1/patients/00000000-0000-0000-0000-000000000000").then().statusCode(401);
    }
}
