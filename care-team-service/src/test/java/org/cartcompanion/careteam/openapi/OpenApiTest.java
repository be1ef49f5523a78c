package org.cartcompanion.careteam.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTest {

    @Test
    void theDocumentListsEveryEndpointWithItsSecurity() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/centers")).body("paths", hasKey("/api/v1/centers/{id}"))
                .body("paths", hasKey("/api/v1/centers/{centerId}/clinicians"))
                .body("paths", hasKey("/internal/v1/subjects/{subject}/memberships"))
                .body("paths.'/api/v1/centers'.post.security[0].bearer", contains("admin"))
                .body("paths.'/internal/v1/centers/{centerId}'.get.security[0].bearer", contains("service"))
                .body("components.securitySchemes.bearer", notNullValue());
    }

    @Test
    void healthAndMetricsAreUp() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("cart_backlog_oldest_age_seconds{backlog=\"mail\""));
    }
}
