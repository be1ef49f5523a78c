package org.cartcompanion.careteam.clinician;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.UUID;

import org.cartcompanion.careteam.support.Fixtures;
import org.cartcompanion.careteam.support.Fixtures.Person;
import org.cartcompanion.careteam.support.OtherServices;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** How each clinician is woken (API.md v1.1 contact methods): who may set them, what is refused, and where pages find them. */
@QuarkusTest
class ContactMethodTest {

    private static final String SMS_NOW_VOICE_LATER = """
            [{"type":"SMS","address":"+15550111","delaySeconds":0},
             {"type":"VOICE","address":"+15550111","delaySeconds":120},
             {"type":"EMAIL","address":"night@example.org","delaySeconds":0}]""";

    private static ValidatableResponse put(String token, String clinicianId, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/v1/clinicians/" + clinicianId + "/contact-methods").then();
    }

    private static ValidatableResponse get(String token, String clinicianId) {
        return given().auth().oauth2(token).get("/api/v1/clinicians/" + clinicianId + "/contact-methods").then();
    }

    @Test
    void aClinicianChoosesHowTheyAreWokenAndRoutingAndThePagingDirectoryCarryIt() throws InterruptedException {
        String center = Fixtures.createCenter();
        RequestPatternBuilder refresh = postRequestedFor(
                urlPathEqualTo("/internal/v1/center-directories/" + center + "/refresh"));
        Person coordinator = Fixtures.person(center, "COORDINATOR");
        Person physician = Fixtures.person(center, "PHYSICIAN");
        // The center and its two clinicians have each told alert-service once (answered 204, so never retried).
        await().atMost(Duration.ofSeconds(10)).until(() -> refreshes(refresh), equalTo(3));
        // Nothing saved: email to their address at once.
        get(physician.token(), physician.id()).statusCode(200).body("type", contains("EMAIL"))
                .body("address", contains(physician.subject() + "@example.org")).body("delaySeconds", contains(0));

        put(physician.token(), physician.id(), SMS_NOW_VOICE_LATER).statusCode(200)
                .body("type", contains("SMS", "VOICE", "EMAIL")).body("delaySeconds", contains(0, 120, 0));
        get(physician.token(), physician.id()).statusCode(200).body("address",
                contains("+15550111", "+15550111", "night@example.org"));
        // alert-service is told to refresh the center's paging directory at once.
        await().atMost(Duration.ofSeconds(10)).until(() -> refreshes(refresh), equalTo(4));
        Thread.sleep(500);
        assertThat("one change, one notice", refreshes(refresh), equalTo(4));

        given().auth().oauth2(coordinator.token()).contentType(ContentType.JSON).body("""
                {"tier":"PRIMARY","clinicianIds":["%s"],"startDate":"2026-01-01","handoffTime":"08:00","lengthDays":7}"""
                .formatted(physician.id())).post("/api/v1/centers/" + center + "/rotations").then().statusCode(201);
        UUID patient = OtherServices.patient(center, 4);
        Fixtures.putCareTeam(coordinator, center, patient, "CENTER_LED", physician.id() + ":PHYSICIAN", coordinator.id()
                + ":COORDINATOR").statusCode(200);
        given().auth().oauth2(Fixtures.service()).queryParam("disposition", "CENTER_NOW")
                .get("/internal/v1/routing/patients/" + patient).then().statusCode(200)
                .body("onCall.PRIMARY[0].contactMethods.type", contains("SMS", "VOICE", "EMAIL"))
                .body("onCall.PRIMARY[0].contactMethods[1].delaySeconds", equalTo(120))
                .body("careTeam.find { it.clinicianId == '%s' }.contactMethods.type".formatted(physician.id()),
                        contains("SMS", "VOICE", "EMAIL"))
                .body("careTeam.find { it.clinicianId == '%s' }.contactMethods.address".formatted(coordinator.id()),
                        contains(coordinator.subject() + "@example.org"));
        given().auth().oauth2(Fixtures.service()).get("/internal/v1/centers/" + center + "/paging-directory").then()
                .statusCode(200).body("onCall[0].recipient.contactMethods.type", contains("SMS", "VOICE", "EMAIL"))
                .body("clinicians.find { it.clinicianId == '%s' }.contactMethods".formatted(physician.id()), hasSize(3));
        given().auth().oauth2(Fixtures.service()).get("/internal/v1/centers/" + center + "/escalation-targets").then()
                .statusCode(200)
                .body("clinicians.find { it.clinicianId == '%s' }.contactMethods".formatted(physician.id()), hasSize(3));
    }

    private static int refreshes(RequestPatternBuilder pattern) {
        return OtherServices.server().countRequestsMatching(pattern.build()).getCount();
    }

    @Test
    void aCoordinatorOfTheirCenterOrAnAdminMaySetThemAndNobodyElse() {
        String center = Fixtures.createCenter();
        Person coordinator = Fixtures.person(center, "COORDINATOR");
        Person physician = Fixtures.person(center, "PHYSICIAN");
        Person colleague = Fixtures.person(center, "PHYSICIAN");
        String elsewhere = Fixtures.createCenter();
        // Coordinator at another center and a nurse at this one, with a coordinator token: a nurse here.
        String dual = Fixtures.unique("dual");
        String dualId = Fixtures.addClinician(elsewhere, dual, "COORDINATOR");
        Fixtures.addClinician(center, dual, "NURSE");
        String dualToken = TestTokens.token(dual, "coordinator");
        Person otherCoordinator = Fixtures.person(elsewhere, "COORDINATOR");

        put(dualToken, physician.id(), SMS_NOW_VOICE_LATER).statusCode(403).contentType("application/problem+json");
        put(colleague.token(), physician.id(), SMS_NOW_VOICE_LATER).statusCode(403);
        put(otherCoordinator.token(), physician.id(), SMS_NOW_VOICE_LATER).statusCode(404);
        get(otherCoordinator.token(), physician.id()).statusCode(404);
        put(TestTokens.token(Fixtures.unique("patient"), "patient"), physician.id(), SMS_NOW_VOICE_LATER).statusCode(403);
        given().contentType(ContentType.JSON).body(SMS_NOW_VOICE_LATER)
                .put("/api/v1/clinicians/" + physician.id() + "/contact-methods").then().statusCode(401);
        put(coordinator.token(), UUID.randomUUID().toString(), SMS_NOW_VOICE_LATER).statusCode(404);
        get(physician.token(), physician.id()).statusCode(200).body("type", contains("EMAIL"));

        put(coordinator.token(), physician.id(), SMS_NOW_VOICE_LATER).statusCode(200);
        put(Fixtures.ADMIN, physician.id(), """
                [{"type":"EMAIL","address":"dr@example.org","delaySeconds":0}]""").statusCode(200);
        get(coordinator.token(), physician.id()).statusCode(200).body("address", contains("dr@example.org"));
        // The coordinator elsewhere manages the dual clinician, who belongs to their center too.
        put(otherCoordinator.token(), dualId, SMS_NOW_VOICE_LATER).statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "[]", "{}", "[{\"address\":\"+15550111\",\"delaySeconds\":0}]",
            "[{\"type\":\"PAGER\",\"address\":\"+15550111\",\"delaySeconds\":0}]",
            "[{\"type\":\"SMS\",\"address\":\"+15550111\",\"delaySeconds\":3601}]",
            "[{\"type\":\"SMS\",\"address\":\"+15550111\",\"delaySeconds\":-1}]",
            "[{\"type\":\"SMS\",\"address\":\"\",\"delaySeconds\":0}]",
            "[{\"type\":\"SMS\",\"address\":\"+15550111\"}]" })
    void aMalformedListIs400AndChangesNothing(String body) {
        String center = Fixtures.createCenter();
        Person physician = Fixtures.person(center, "PHYSICIAN");
        put(physician.token(), physician.id(), body).statusCode(400).contentType("application/problem+json");
        get(physician.token(), physician.id()).statusCode(200).body("type", contains("EMAIL"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "[{\"type\":\"SMS\",\"address\":\"+15550111\",\"delaySeconds\":60}]",
            "[{\"type\":\"SMS\",\"address\":\"555-0111\",\"delaySeconds\":0}]",
            "[{\"type\":\"VOICE\",\"address\":\"dr@example.org\",\"delaySeconds\":0}]",
            "[{\"type\":\"EMAIL\",\"address\":\"+15550111\",\"delaySeconds\":0}]",
            "[{\"type\":\"SMS\",\"address\":\"+15550111\",\"delaySeconds\":0},{\"type\":\"SMS\",\"address\":\"+15550111\",\"delaySeconds\":30}]" })
    void methodsThatWouldNotReachTheClinicianAre422AndChangeNothing(String body) {
        String center = Fixtures.createCenter();
        Person physician = Fixtures.person(center, "PHYSICIAN");
        put(physician.token(), physician.id(), SMS_NOW_VOICE_LATER).statusCode(200);
        put(physician.token(), physician.id(), body).statusCode(422).contentType("application/problem+json");
        get(physician.token(), physician.id()).statusCode(200).body("type", contains("SMS", "VOICE", "EMAIL"));
    }

    @Test
    void elevenMethodsAreTooMany() {
        String center = Fixtures.createCenter();
        Person physician = Fixtures.person(center, "PHYSICIAN");
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 11; i++) {
            body.append(i == 0 ? "" : ",").append("{\"type\":\"EMAIL\",\"address\":\"a").append(i)
                    .append("@example.org\",\"delaySeconds\":0}");
        }
        put(physician.token(), physician.id(), body.append(']').toString()).statusCode(400);
    }
}
