package org.cartcompanion.alert.openapi;

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
                .body("paths", hasKey("/internal/v1/triage-events"))
                .body("paths.'/internal/v1/triage-events'.post.security[0].bearer", contains("service"))
                .body("components.securitySchemes.bearer", notNullValue())
                .body("paths", hasKey("/api/v1/alerts")).body("paths", hasKey("/api/v1/alerts/{id}"))
                .body("paths", hasKey("/api/v1/alerts/{id}/acknowledge")).body("paths", hasKey("/api/v1/alerts/{id}/resolve"))
                .body("paths", hasKey("/api/v1/escalation-policies/{centerId}"))
                .body("paths.'/api/v1/alerts/{id}/resolve'.post.responses", hasKey("400"))
                .body("paths.'/api/v1/escalation-policies/{centerId}'.put.responses", hasKey("422"))
                .body("paths.'/api/v1/escalation-policies/{centerId}'.put.security[0].bearer", contains("coordinator"));
    }

    @Test
    void healthAndMetricsAreUp() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("cart_backlog_oldest_age_seconds{backlog=\"notification\""))
                .body(containsString("cart_backlog_oldest_age_seconds{backlog=\"escalation\""))
                .body(containsString("cart_backlog_oldest_age_seconds{backlog=\"patient-text\""))
                .body(containsString("cart_backlog_oldest_age_seconds{backlog=\"webhook\""));
    }
}
