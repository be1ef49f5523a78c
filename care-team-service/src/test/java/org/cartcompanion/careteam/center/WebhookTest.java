package org.cartcompanion.careteam.center;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;

import org.cartcompanion.careteam.support.Fixtures;
import org.cartcompanion.careteam.support.Fixtures.Person;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** A center's webhooks (API.md v1.1): who sets them, secrets shown once and kept, what is refused, what alert-service gets. */
@QuarkusTest
class WebhookTest {

    private static final String TWO = """
            [{"url":"https://paging.hospital.example/cart","events":["ALERT_OPENED","ALERT_EXHAUSTED","ALERT_ACKNOWLEDGED"]},
             {"url":"https://hooks.slack.com/services/T0/B0/X","events":["ALERT_EXHAUSTED"],"format":"SLACK"}]""";

    private static ValidatableResponse put(String token, String center, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/v1/centers/" + center + "/webhooks").then();
    }

    @Test
    void theCoordinatorSavesHooksWhoseSecretsAreShownOnceAndKeptWhileTheirUrlStays() {
        String center = Fixtures.createCenter();
        Person coordinator = Fixtures.person(center, "COORDINATOR");
        JsonPath saved = put(coordinator.token(), center, TWO).statusCode(200).body("url", hasSize(2))
                .body("events[0]", contains("ALERT_OPENED", "ALERT_ACKNOWLEDGED", "ALERT_EXHAUSTED"))
                .body("format", contains("CLOUDEVENTS", "SLACK")).extract().jsonPath();
        List<String> secrets = saved.getList("secret");
        assertThat(secrets, everyItem(not(nullValue())));
        assertThat(secrets.get(0).length() >= 43, equalTo(true));
        assertThat(secrets.get(0), not(equalTo(secrets.get(1))));
        given().auth().oauth2(coordinator.token()).get("/api/v1/centers/" + center + "/webhooks").then().statusCode(200)
                .body("url", contains("https://paging.hospital.example/cart", "https://hooks.slack.com/services/T0/B0/X"))
                .body("secret", everyItem(nullValue()));

        // The first stays (same id, secret not shown again, events changed); the second goes; a new one comes.
        JsonPath again = put(coordinator.token(), center, """
                [{"url":"https://paging.hospital.example/cart","events":["ALERT_RESOLVED"]},
                 {"url":"https://teams.example/webhook","events":["ALERT_OPENED"],"format":"teams"}]""").statusCode(200)
                .extract().jsonPath();
        assertThat(again.getString("[0].id"), equalTo(saved.getString("[0].id")));
        assertThat(again.getString("[0].secret"), nullValue());
        assertThat(again.getList("[0].events"), contains("ALERT_RESOLVED"));
        assertThat(again.getString("[1].secret"), not(nullValue()));
        assertThat(again.getString("[1].format"), equalTo("TEAMS"));

        // alert-service gets them with their secrets, the kept one's unchanged.
        given().auth().oauth2(Fixtures.service()).get("/internal/v1/centers/" + center + "/paging-directory").then()
                .statusCode(200).body("webhooks.url", contains("https://paging.hospital.example/cart",
                        "https://teams.example/webhook"))
                .body("webhooks[0].secret", equalTo(secrets.get(0)))
                .body("webhooks[1].secret", equalTo(again.getString("[1].secret")));
        put(coordinator.token(), center, "[]").statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(Fixtures.service()).get("/internal/v1/centers/" + center + "/paging-directory").then()
                .statusCode(200).body("webhooks", hasSize(0));
    }

    @Test
    void onlyTheCentersCoordinatorMaySeeOrSetThem() {
        String center = Fixtures.createCenter();
        Person physician = Fixtures.person(center, "PHYSICIAN");
        String elsewhere = Fixtures.createCenter();
        Person otherCoordinator = Fixtures.person(elsewhere, "COORDINATOR");
        // Coordinator at another center and a nurse at this one, with a coordinator token: a nurse here.
        String dual = Fixtures.unique("dual");
        Fixtures.addClinician(elsewhere, dual, "COORDINATOR");
        Fixtures.addClinician(center, dual, "NURSE");
        String dualToken = TestTokens.token(dual, "coordinator");

        put(dualToken, center, TWO).statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(dualToken).get("/api/v1/centers/" + center + "/webhooks").then().statusCode(403);
        put(physician.token(), center, TWO).statusCode(403);
        put(otherCoordinator.token(), center, TWO).statusCode(404);
        put(otherCoordinator.token(), UUID.randomUUID().toString(), TWO).statusCode(404);
        given().contentType(ContentType.JSON).body(TWO).put("/api/v1/centers/" + center + "/webhooks").then().statusCode(401);
        // At their own center the dual coordinator may.
        put(dualToken, elsewhere, TWO).statusCode(200);
        given().auth().oauth2(Fixtures.ADMIN).get("/api/v1/centers/" + center + "/webhooks").then().statusCode(200)
                .body("$", hasSize(0));
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://paging.hospital.example/x", "ftp://paging.hospital.example/x", "not a url",
            "https://user:pass@paging.hospital.example/x", "/relative/path" })
    void aUrlThatIsNotHttpsOrCarriesCredentialsIs422(String url) {
        String center = Fixtures.createCenter();
        Person coordinator = Fixtures.person(center, "COORDINATOR");
        put(coordinator.token(), center, """
                [{"url":"%s","events":["ALERT_OPENED"]}]""".formatted(url)).statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("[0].url"));
        given().auth().oauth2(coordinator.token()).get("/api/v1/centers/" + center + "/webhooks").then().statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void unknownEventsOrFormatsRepeatedUrlsAndMalformedListsAreRefused() {
        String center = Fixtures.createCenter();
        Person coordinator = Fixtures.person(center, "COORDINATOR");
        put(coordinator.token(), center, """
                [{"url":"https://a.example/x","events":["ALERT_EATEN"]}]""").statusCode(422)
                .body("errors[0].field", equalTo("[0].events"));
        put(coordinator.token(), center, """
                [{"url":"https://a.example/x","events":["ALERT_OPENED"],"format":"PAGERDUTY"}]""").statusCode(422)
                .body("errors[0].field", equalTo("[0].format"));
        put(coordinator.token(), center,
                """
                        [{"url":"https://a.example/x","events":["ALERT_OPENED"]},{"url":"https://a.example/x","events":["ALERT_OPENED"]}]""")
                        .statusCode(422).body("errors[0].field", equalTo("[1].url"));
        put(coordinator.token(), center, """
                [{"url":"https://a.example/x","events":[]}]""").statusCode(400).contentType("application/problem+json");
        put(coordinator.token(), center, "{\"url\":\"https://a.example/x\"}").statusCode(400);
        put(coordinator.token(), center, "[" + "{\"url\":\"https://a.example/x\",\"events\":[\"ALERT_OPENED\"]},".repeat(10)
                + "{\"url\":\"https://b.example/x\",\"events\":[\"ALERT_OPENED\"]}]").statusCode(400);
        // A local receiver over plain http is fine (development).
        put(coordinator.token(), center, """
                [{"url":"http://localhost:9999/hook","events":["ALERT_OPENED"]}]""").statusCode(200);
    }
}
