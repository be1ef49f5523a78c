package org.cartcompanion.careteam.center;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.cartcompanion.careteam.support.Fixtures;
import org.cartcompanion.careteam.support.Fixtures.Person;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A center sets the days after infusion at which hand-offs are proposed. */
@QuarkusTest
class HandoffSettingsTest {

    private static io.restassured.response.ValidatableResponse put(String token, String center, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/v1/centers/" + center + "/handoff-settings").then();
    }

    @Test
    void aCoordinatorSetsTheDaysAndOnlyValidOnesAreKept() {
        String center = Fixtures.createCenter();
        Person coordinator = Fixtures.person(center, "COORDINATOR");
        given().auth().oauth2(coordinator.token()).get("/api/v1/centers/" + center).then()
                .body("sharedCareDay", equalTo(14)).body("communityLedDay", equalTo(100));

        put(coordinator.token(), center, "{\"sharedCareDay\":21,\"communityLedDay\":90}").statusCode(200)
                .body("sharedCareDay", equalTo(21)).body("communityLedDay", equalTo(90));
        put(coordinator.token(), center, "{\"sharedCareDay\":30,\"communityLedDay\":30}").statusCode(422)
                .body("errors[0].field", equalTo("communityLedDay"));
        put(coordinator.token(), center, "{\"sharedCareDay\":0,\"communityLedDay\":90}").statusCode(400);
        put(coordinator.token(), center, "{\"communityLedDay\":90}").statusCode(400);
        given().auth().oauth2(coordinator.token()).get("/api/v1/centers/" + center).then()
                .body("sharedCareDay", equalTo(21)).body("communityLedDay", equalTo(90));
    }

    @Test
    void onlyTheCentersCoordinatorsMay() {
        String center = Fixtures.createCenter();
        Person physician = Fixtures.person(center, "PHYSICIAN");
        Person otherCoordinator = Fixtures.person(Fixtures.createCenter(), "COORDINATOR");
        String body = "{\"sharedCareDay\":21,\"communityLedDay\":90}";
        put(physician.token(), center, body).statusCode(403);
        put(otherCoordinator.token(), center, body).statusCode(404);
        put(Fixtures.ADMIN, center, body).statusCode(403);
        given().contentType(ContentType.JSON).body(body).put("/api/v1/centers/" + center + "/handoff-settings").then()
                .statusCode(401);
    }
}
