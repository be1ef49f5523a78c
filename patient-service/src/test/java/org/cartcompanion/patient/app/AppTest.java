package org.cartcompanion.patient.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.cartcompanion.patient.support.CareTeamStub;
import org.cartcompanion.patient.support.Fixtures;
import org.cartcompanion.support.testing.Chromium;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The patient app in headless Chromium at phone size, without an identity provider (a pasted token): a patient opens the
 * invitation's link, signs in, joins, checks in with a fever and is told to call the center, with the center's number to tap.
 */
@QuarkusTest
class AppTest {

    private static Chromium chromium;

    @TestHTTPResource("/app/")
    URL app;

    @BeforeAll
    static void launch() throws Exception {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void thePageIsServedWithAStrictPolicyAndSaysToTakeAPastedTokenWithoutAnIdentityProvider() {
        given().get("/app").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("connect-src 'self';"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .body(not(containsString("<script>")));
        given().get("/app/sign-in").then().statusCode(200).body("mode", equalTo("token"));
        given().get("/app/assets/sign-in.js").then().statusCode(200).contentType(containsString("text/javascript"));
        given().get("/app/assets/secrets.txt").then().statusCode(404);
    }

    @Test
    void aPatientOpensTheInvitationLinkJoinsAndChecksInWithAFeverAndIsToldToCallTheCenter() {
        UUID center = UUID.randomUUID();
        CareTeamStub.center(center, "Memorial CAR-T", "+15550142");
        String coordinator = Fixtures.coordinatorOf(center);
        String body = Fixtures.enrollmentJson(center, "x", LocalDate.now(ZoneId.of("America/Chicago")).minusDays(4))
                .replace("\"subject\":\"x\",", "");
        String patient = given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(body).post("/api/v1/patients")
                .then().statusCode(201).extract().path("id");
        String code = given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"for\":\"PATIENT\"}")
                .post("/api/v1/patients/" + patient + "/invitations").then().statusCode(201).extract().path("code");
        String subject = Fixtures.unique("app-patient");
        String token = TestTokens.token(subject, "patient");

        Page page = chromium.phone();
        page.navigate(app + "#/join/" + code);
        page.getByLabel("Access token").fill(token);
        page.locator("#sign-in-form button").click();
        PlaywrightAssertions.assertThat(page.getByLabel("Invitation code")).hasValue(code);
        page.getByText("Join", new Page.GetByTextOptions().setExact(true)).click();

        page.getByLabel("Temperature").first().fill("38.6");
        page.getByText("Shaking chills").click();
        page.getByText("Send my check-in").click();
        PlaywrightAssertions.assertThat(page.locator("#result-instructions")).hasAttribute("data-disposition", "CENTER_NOW");
        PlaywrightAssertions.assertThat(page.locator("#result-title")).hasText("Call your CAR-T center now");
        PlaywrightAssertions.assertThat(page.locator("#result-call")).hasAttribute("href", "tel:+15550142");
        Object overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
        assertEquals(0, Math.max(0, ((Number) overflow).intValue()), "no sideways scrolling on a phone");

        given().auth().oauth2(token).get("/api/v1/patients/" + patient + "/check-ins").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].reported.temperatureC", equalTo(38.6f))
                .body("items[0].reported.symptoms", equalTo(java.util.List.of("RIGORS")));
        page.context().close();
    }
}
