package org.cartcompanion.careteam.center;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.cartcompanion.careteam.support.Fixtures;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class CenterResourceTest {

    @Test
    void anAdminCreatesACenter() {
        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON)
                .body(Fixtures.centerJson("Riverside CAR-T Center")).post("/api/v1/centers").then().statusCode(201)
                .header("Location", containsString("/api/v1/centers/")).body("id", notNullValue())
                .body("timeZone", equalTo("America/Chicago"));
    }

    @Test
    void badCentersAre400AndNotStored() {
        String name = Fixtures.unique("Bad");
        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON)
                .body(Fixtures.centerJson(name).replace("America/Chicago", "Nowhere/Atlantis")).post("/api/v1/centers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("timeZone"));
        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON)
                .body(Fixtures.centerJson(name).replace("hotline@example.org", "not-an-email")).post("/api/v1/centers")
                .then().statusCode(400).body("errors.field", hasItem("hotlineEmail"));
        given().auth().oauth2(Fixtures.ADMIN).get("/api/v1/centers?limit=100").then().statusCode(200).body("items.name",
                org.hamcrest.Matchers.not(hasItem(name)));
    }

    @Test
    void aCoordinatorListsOnlyTheirCentersAndCannotSeeOthers() {
        String mine = Fixtures.createCenter();
        String other = Fixtures.createCenter();
        String subject = Fixtures.unique("coord");
        Fixtures.addClinician(mine, subject, "COORDINATOR");
        String token = TestTokens.token(subject, "coordinator");

        given().auth().oauth2(token).get("/api/v1/centers").then().statusCode(200).body("items.id", contains(mine))
                .body("nextCursor", nullValue());
        given().auth().oauth2(token).get("/api/v1/centers/" + mine).then().statusCode(200).header("ETag",
                notNullValue());
        given().auth().oauth2(token).get("/api/v1/centers/" + other).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(token).get("/api/v1/centers/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void listsArePagedWithACursor() {
        String subject = Fixtures.unique("coord");
        String first = Fixtures.createCenter();
        String second = Fixtures.createCenter();
        String third = Fixtures.createCenter();
        Fixtures.addClinician(first, subject, "COORDINATOR");
        Fixtures.addClinician(second, subject, "COORDINATOR");
        Fixtures.addClinician(third, subject, "COORDINATOR");
        String token = TestTokens.token(subject, "coordinator");

        String cursor = given().auth().oauth2(token).get("/api/v1/centers?limit=2").then().statusCode(200)
                .body("items.id", contains(first, second)).body("nextCursor", notNullValue()).extract()
                .path("nextCursor");
        given().auth().oauth2(token).get("/api/v1/centers?limit=2&cursor=" + cursor).then().statusCode(200)
                .body("items.id", contains(third)).body("nextCursor", nullValue());
        given().auth().oauth2(token).get("/api/v1/centers?limit=101").then().statusCode(400);
        given().auth().oauth2(token).get("/api/v1/centers?cursor=garbage!").then().statusCode(400);
    }

    @Test
    void patientsMayNotListCenters() {
        given().auth().oauth2(TestTokens.token("p", "patient")).get("/api/v1/centers").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("cg", "caregiver")).get("/api/v1/centers").then().statusCode(403);
    }

    @Test
    void anEmptyListIsStillAList() {
        given().auth().oauth2(TestTokens.token(Fixtures.unique("nobody"), "clinician")).get("/api/v1/centers").then()
                .statusCode(200).body("items", hasSize(0));
    }
}
