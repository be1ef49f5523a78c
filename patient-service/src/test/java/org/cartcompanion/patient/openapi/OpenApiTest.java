package org.cartcompanion.patient.openapi;

import static io.restassured.RestAssured.given;
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
                .body("paths", hasKey("/api/v1/patients")).body("paths", hasKey("/api/v1/patients/{id}"))
                .body("paths", hasKey("/api/v1/patients/{id}/caregivers")).body("paths", hasKey("/api/v1/me"))
                .body("paths.'/api/v1/patients'.post.security", notNullValue())
                .body("paths.'/api/v1/me'.get.security", notNullValue())
                .body("components.securitySchemes.bearer", notNullValue());
    }

    @Test
    void healthAndMetricsAreUp() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("cart_backlog_oldest_age_seconds{backlog=\"outbox\""))
                .body(containsString("cart_backlog_oldest_age_seconds{backlog=\"heartbeat\""));
    }
}
