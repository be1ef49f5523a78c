package org.cartcompanion.careteam.packaged;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged service, black-box: the jar in {@code ./mvnw verify}, the native executable in the native workflow. It starts,
 * migrates its database, reports ready, documents its API, serves the console (its page, script and styles come from the
 * classpath, which the native image must include) and refuses a request without a token.
 */
@QuarkusIntegrationTest
class PackagedServiceIT {

    @Test
    void startsReadyDocumentedServesTheConsoleAndIsClosedToAnonymousCallers() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/internal/v1/routing/patients/{patientId}"));
        given().get("/console").then().statusCode(200).body(containsString("On-call console"));
        given().get("/console/assets/app.js").then().statusCode(200).body(containsString("renderTrend"));
        given().get("/console/assets/app.css").then().statusCode(200);
        given().get("/api/v1/centers").then().statusCode(401).contentType("application/problem+json");
        given().get("/console/api/alerts").then().statusCode(401);
    }
}
