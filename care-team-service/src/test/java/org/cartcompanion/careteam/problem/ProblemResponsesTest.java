package org.cartcompanion.careteam.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProblemResponsesTest {

    @Test
    void anUnknownPathIsA404Problem() {
        given().get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", containsString("/problems/not-found"));
    }

    @Test
    void unexpectedFailuresAre500WithoutInternals() {
        Response response = new ProblemMappers().unexpected(
                new IllegalStateException("org.hibernate.Secret at row 42 for patient Ana P."), null);
        assertEquals(500, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        String body = response.getEntity().toString();
        assertFalse(body.contains("Secret"), body);
        assertFalse(body.contains("IllegalStateException"), body);
        assertFalse(body.contains("Ana P."), body);
    }

    @Test
    void domainFailuresKeepTheirStatus() {
        Response response = new ProblemMappers().problem(ProblemException.unprocessable("The policy names nobody."), null);
        assertEquals(422, response.getStatus());
        Problem problem = (Problem) response.getEntity();
        assertEquals("Unprocessable Content", problem.title());
        assertEquals("The policy names nobody.", problem.detail());
    }

    @Test
    void problemsNeverCarryStackTraces() {
        given().contentType("application/json").body("{not json")
                .post("/api/v1/no-such-thing")
                .then().contentType("application/problem+json")
                .body(not(containsString("at org.")))
                .body(not(containsString("Exception")));
    }
}
