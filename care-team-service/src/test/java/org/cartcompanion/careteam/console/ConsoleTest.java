package org.cartcompanion.careteam.console;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.io.IOException;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.cartcompanion.careteam.support.Fixtures;
import org.cartcompanion.careteam.support.Fixtures.Person;
import org.cartcompanion.careteam.support.OtherServices;
import org.cartcompanion.support.testing.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * A clinician signs in to the console in headless Chromium at phone width, finds the open alert, reads the patient's context
 * and trend, and acknowledges it through the page. alert-service and patient-service are played by WireMock; the test checks
 * the acknowledgement reached alert-service with the clinician's own token.
 */
@QuarkusTest
class ConsoleTest {

    private static Chromium chromium;

    @TestHTTPResource("/console")
    URL console;

    @BeforeAll
    static void launch() throws IOException, InterruptedException {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aClinicianAcknowledgesAnAlertThroughThePageOnAPhoneWidthScreen() {
        String center = Fixtures.createCenter();
        Person coordinator = Fixtures.person(center, "COORDINATOR");
        Person physician = Fixtures.person(center, "PHYSICIAN");
        RestAssured.given().auth().oauth2(coordinator.token()).contentType(ContentType.JSON).body("""
                {"tier":"PRIMARY","clinicianIds":["%s"],"startDate":"%s","handoffTime":"08:00","lengthDays":7}"""
                .formatted(physician.id(), LocalDate.now().minusDays(2))).post("/api/v1/centers/" + center + "/rotations")
                .then().statusCode(201);
        UUID alert = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        stubServices(alert, patient, center, physician);

        Page page = chromium.phone();
        page.navigate(console.toString());
        page.getByLabel("Access token").fill(physician.token());
        page.getByText("Sign in", new Page.GetByTextOptions().setExact(true)).last().click();

        // The list: the open alert with the patient's name; today's on-call names the physician.
        page.locator("[data-alert='" + alert + "']").waitFor();
        PlaywrightAssertions.assertThat(page.locator("[data-alert='" + alert + "']")).containsText("Ana P.");
        PlaywrightAssertions.assertThat(page.locator("#on-call")).containsText("PRIMARY: Dr. " + physician.subject());

        page.locator("[data-alert='" + alert + "']").click();
        PlaywrightAssertions.assertThat(page.locator("#alert-title")).containsText("Call the center now · Ana P.");
        PlaywrightAssertions.assertThat(page.locator("#alert-facts")).containsText("AXI_CEL");
        PlaywrightAssertions.assertThat(page.locator("#alert-status")).hasAttribute("data-status", "TRIGGERED");
        assertThat(page.locator("#trend svg circle").count(), greaterThanOrEqualTo(3));
        assertThat(page.url(), containsString("/console/alerts/" + alert));
        Object overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue(), lessThanOrEqualTo(0));

        page.locator("#acknowledge").click();
        PlaywrightAssertions.assertThat(page.locator("#alert-status")).hasAttribute("data-status", "ACKNOWLEDGED");
        PlaywrightAssertions.assertThat(page.locator("#alert-status")).containsText("acknowledged by " + physician.subject());
        OtherServices.server().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/alerts/" + alert + "/acknowledge"))
                .withHeader("Authorization", equalTo("Bearer " + physician.token())));
        page.close();
    }

    @Test
    void whoIsSignedInCarriesTheirClinicianIdForTheirOwnContactMethods() {
        String center = Fixtures.createCenter();
        Person physician = Fixtures.person(center, "PHYSICIAN");
        RestAssured.given().auth().oauth2(physician.token()).get("/console/api/me").then().statusCode(200)
                .body("subject", org.hamcrest.Matchers.equalTo(physician.subject()))
                .body("clinicianId", org.hamcrest.Matchers.equalTo(physician.id()))
                .body("roles", org.hamcrest.Matchers.contains("clinician"));
        RestAssured.given().auth().oauth2(Fixtures.ADMIN).get("/console/api/me").then().statusCode(200)
                .body("clinicianId", org.hamcrest.Matchers.nullValue());
        RestAssured.given().get("/console/me").then().statusCode(200).contentType(containsString("text/html"));
    }

    @Test
    void theConsoleApiNeedsAToken() {
        RestAssured.given().get("/console/api/alerts").then().statusCode(401);
        RestAssured.given().get("/console").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"));
        RestAssured.given().get("/console/alerts/" + UUID.randomUUID()).then().statusCode(200);
        RestAssured.given().get("/console/assets/app.js").then().statusCode(200);
        RestAssured.given().get("/console/assets/secret.properties").then().statusCode(404);
    }

    private static void stubServices(UUID alert, UUID patient, String center, Person physician) {
        WireMockServer server = OtherServices.server();
        String opened = Instant.now().minusSeconds(300).toString();
        String triggered = alertJson(alert, patient, center, "TRIGGERED", opened, "null", "null");
        String acknowledged = alertJson(alert, patient, center, "ACKNOWLEDGED", opened, "\"" + Instant.now() + "\"",
                "\"" + physician.subject() + "\"");
        String scenario = "ack-" + alert;
        server.stubFor(get(urlPathEqualTo("/api/v1/alerts")).withQueryParam("status", equalTo("TRIGGERED"))
                .withHeader("Authorization", equalTo("Bearer " + physician.token()))
                .willReturn(OtherServices.json("{\"items\":[" + triggered + "],\"nextCursor\":null}")));
        for (String status : List.of("ACKNOWLEDGED", "EXHAUSTED")) {
            server.stubFor(get(urlPathEqualTo("/api/v1/alerts")).withQueryParam("status", equalTo(status))
                    .withHeader("Authorization", equalTo("Bearer " + physician.token()))
                    .willReturn(OtherServices.json("{\"items\":[],\"nextCursor\":null}")));
        }
        server.stubFor(get(urlPathEqualTo("/api/v1/alerts/" + alert)).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(OtherServices.json(triggered)));
        server.stubFor(post(urlPathEqualTo("/api/v1/alerts/" + alert + "/acknowledge")).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("acknowledged")
                .willReturn(OtherServices.json(acknowledged)));
        server.stubFor(get(urlPathEqualTo("/api/v1/alerts/" + alert)).inScenario(scenario)
                .whenScenarioStateIs("acknowledged").willReturn(OtherServices.json(acknowledged)));
        server.stubFor(get(urlPathEqualTo("/api/v1/patients/" + patient)).willReturn(OtherServices.json("""
                {"id":"%s","centerId":"%s","displayName":"Ana P.","phone":"+15550123","dayPostInfusion":5,
                 "phase":"P1_ACUTE","product":"AXI_CEL"}""".formatted(patient, center))));
        server.stubFor(get(urlPathEqualTo("/api/v1/patients/" + patient + "/check-ins")).willReturn(OtherServices.json("""
                {"items":[%s,%s,%s],"nextCursor":null}""".formatted(checkIn(60, 38.4, "[\"RIGORS\"]"),
                checkIn(240, 37.6, "[]"), checkIn(600, 37.0, "[]")))));
    }

    private static String checkIn(int minutesAgo, double celsius, String symptoms) {
        return """
                {"id":"%s","recordedAt":"%s","dayPostInfusion":5,"triage":{"disposition":"%s"},
                 "reported":{"temperatureC":%s,"symptoms":%s}}""".formatted(UUID.randomUUID(),
                Instant.now().minusSeconds(minutesAgo * 60L), celsius >= 38 ? "CENTER_NOW" : "SELF_CARE", celsius,
                symptoms);
    }

    private static String alertJson(UUID alert, UUID patient, String center, String status, String opened,
            String acknowledgedAt, String acknowledgedBy) {
        return """
                {"id":"%s","patientId":"%s","centerId":"%s","disposition":"CENTER_NOW","status":"%s","level":1,
                 "openedAt":"%s","acknowledgedAt":%s,"acknowledgedBy":%s,"dayPostInfusion":5,"phase":"P1_ACUTE",
                 "product":"AXI_CEL","summary":"38.4 °C, rigors","firedRules":["FEVER_P1"],"patientPhone":"+15550123",
                 "responsible":"CENTER","timeline":[{"at":"%s","type":"OPENED","detail":"CENTER_NOW"}]}"""
                .formatted(alert, patient, center, status, opened, acknowledgedAt, acknowledgedBy, opened);
    }
}
