package org.cartcompanion.patient.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.cartcompanion.patient.support.AlertStub;
import org.cartcompanion.patient.support.CareTeamStub;
import org.cartcompanion.patient.support.Fixtures;
import org.cartcompanion.support.testing.Axe;
import org.cartcompanion.support.testing.Chromium;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
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
        // Installable: a manifest with icons, and a service worker whose scope is the app.
        given().get("/app/assets/manifest.webmanifest").then().statusCode(200)
                .contentType(containsString("application/manifest+json")).body("start_url", equalTo("/app/"))
                .body("scope", equalTo("/app/")).body("display", equalTo("standalone"))
                .body("icons.sizes", org.hamcrest.Matchers.hasItems("192x192", "512x512"));
        byte[] icon = given().get("/app/assets/icon-512.png").then().statusCode(200).contentType("image/png").extract()
                .asByteArray();
        assertEquals("\u0089PNG", new String(icon, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        given().get("/app/sw.js").then().statusCode(200).contentType(containsString("text/javascript"))
                .body(containsString("addEventListener('fetch'"));
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

    /** A day-4 patient signed in on a phone, on the check-in screen with the questions loaded; returns their id. */
    private String[] signedInOnTheCheckIn(Page page) {
        UUID center = UUID.randomUUID();
        CareTeamStub.center(center, "Memorial CAR-T", "+15550142");
        String subject = Fixtures.unique("app-patient");
        String patient = Fixtures.enroll(center, subject, LocalDate.now(ZoneId.of("America/Chicago")).minusDays(4));
        String token = TestTokens.token(subject, "patient");
        page.navigate(app.toString());
        page.getByLabel("Access token").fill(token);
        page.locator("#sign-in-form button").click();
        page.locator("[data-patient='" + patient + "']").click();
        PlaywrightAssertions.assertThat(page.locator("#send")).isEnabled();
        return new String[] { patient, token };
    }

    private static int checkIns(String patient, String token) {
        return given().auth().oauth2(token).get("/api/v1/patients/" + patient + "/check-ins").then().statusCode(200)
                .extract().path("items.size()");
    }

    @Test
    void withoutSignalTheCheckInWaitsOnThePhoneShowsWhatToDoAtOnceAndIsStoredOnceWhenTheSignalReturns() {
        Page page = chromium.phone();
        BrowserContext context = page.context();
        String[] signedIn = signedInOnTheCheckIn(page);
        // The questions come from the server, red flags first.
        PlaywrightAssertions.assertThat(page.locator("fieldset.red")).containsText("Seizure");

        context.setOffline(true);
        page.getByText("Seizure, or a spell of staring").click();
        page.getByText("Send my check-in").click();
        PlaywrightAssertions.assertThat(page.locator("#result-waiting")).containsText("Waiting to send");
        PlaywrightAssertions.assertThat(page.locator("#result-instructions")).hasAttribute("data-disposition", "EMERGENCY");
        PlaywrightAssertions.assertThat(page.locator("#result-instructions")).containsText("Call 911 now");
        PlaywrightAssertions.assertThat(page.locator("#result-call")).hasAttribute("href", "tel:911");
        assertEquals(0, checkIns(signedIn[0], signedIn[1]));

        context.setOffline(false);
        PlaywrightAssertions.assertThat(page.locator("#result-waiting")).isHidden();
        PlaywrightAssertions.assertThat(page.locator("#result-alert")).containsText("has been told");
        assertEquals(1, checkIns(signedIn[0], signedIn[1]));
        given().auth().oauth2(signedIn[1]).get("/api/v1/patients/" + signedIn[0] + "/check-ins").then()
                .body("items[0].triage.disposition", equalTo("EMERGENCY"));
        context.close();
    }

    @Test
    void aCheckInWhoseAnswerIsLostOnTheWayIsSentAgainAndStoredOnce() {
        Page page = chromium.phone();
        String[] signedIn = signedInOnTheCheckIn(page);
        // The first send reaches the service, which stores it; its answer is lost on the way back.
        AtomicInteger posts = new AtomicInteger();
        page.route("**/check-ins", route -> {
            if ("POST".equals(route.request().method()) && posts.incrementAndGet() == 1) {
                route.fetch();
                route.abort("failed");
            } else {
                route.resume();
            }
        });
        page.getByLabel("Temperature").first().fill("101.2");
        page.locator("#unit-temperature").selectOption("F");
        page.getByText("Send my check-in").click();
        PlaywrightAssertions.assertThat(page.locator("#result-waiting")).containsText("Waiting to send");
        PlaywrightAssertions.assertThat(page.locator("#result-instructions")).hasAttribute("data-disposition", "CENTER_NOW");
        // The retry (after two seconds) is answered with the stored check-in.
        PlaywrightAssertions.assertThat(page.locator("#result-waiting")).isHidden();
        PlaywrightAssertions.assertThat(page.locator("#result-call")).hasAttribute("href", "tel:+15550142");
        assertEquals(2, posts.get());
        assertEquals(1, checkIns(signedIn[0], signedIn[1]));
        page.context().close();
    }

    @Test
    void theInstalledAppOpensWithoutSignalAndStillTakesACheckIn() {
        Page page = chromium.phone();
        BrowserContext context = page.context();
        String[] signedIn = signedInOnTheCheckIn(page);
        page.waitForFunction("navigator.serviceWorker.controller !== null");
        assertTrue(((String) page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")).endsWith("/app/"));

        context.setOffline(true);
        // The page was on the check-in screen (its fragment): it opens there again, with the questions kept.
        page.reload();
        PlaywrightAssertions.assertThat(page.locator("#form-status")).containsText("No signal");
        page.getByText("Seizure, or a spell of staring").click();
        page.getByText("Send my check-in").click();
        PlaywrightAssertions.assertThat(page.locator("#result-instructions")).hasAttribute("data-disposition", "EMERGENCY");
        PlaywrightAssertions.assertThat(page.locator("#result-waiting")).containsText("Waiting to send");

        context.setOffline(false);
        PlaywrightAssertions.assertThat(page.locator("#result-waiting")).isHidden();
        assertEquals(1, checkIns(signedIn[0], signedIn[1]));
        context.close();
    }

    @Test
    void afterSendingThePhoneShowsTheAlertAsItChangesReadThroughItsOwnService() {
        Page page = chromium.phone();
        String[] signedIn = signedInOnTheCheckIn(page);
        String acknowledged = """
                {"items":[{"id":"%s","patientId":"%s","disposition":"CENTER_NOW","status":"ACKNOWLEDGED",
                 "openedAt":"2026-12-04T03:10:00Z","acknowledgedAt":"2026-12-04T03:12:00Z","acknowledgedBy":"Dr. Rivera",
                 "patientMessage":"Dr. Rivera acknowledged (03:12) and will contact you."}],"nextCursor":null}"""
                .formatted(UUID.randomUUID(), signedIn[0]);
        AlertStub.patientAlerts(signedIn[0], signedIn[1], acknowledged);
        page.getByLabel("Temperature").first().fill("38.6");
        page.getByText("Send my check-in").click();
        PlaywrightAssertions.assertThat(page.locator("#result-alert"))
                .hasText("Dr. Rivera acknowledged (03:12) and will contact you.");
        PlaywrightAssertions.assertThat(page.locator("#result-alert")).hasAttribute("data-status", "ACKNOWLEDGED");

        String url = "/app/api/alerts?patientId=" + signedIn[0];
        given().auth().oauth2(signedIn[1]).get(url).then().statusCode(200).body("items[0].acknowledgedBy",
                equalTo("Dr. Rivera"));
        given().auth().oauth2(signedIn[1]).get("/app/api/alerts?patientId=nope").then().statusCode(400)
                .contentType("application/problem+json");
        given().get(url).then().statusCode(401);
        given().auth().oauth2(TestTokens.token(Fixtures.unique("clin"), "clinician")).get(url).then().statusCode(403);
        // alert-service refuses someone else (its own 404) and cannot be reached (503): both come through as problems.
        given().auth().oauth2(TestTokens.token(Fixtures.unique("patient"), "patient")).get(url).then().statusCode(404)
                .contentType("application/problem+json");
        AlertStub.patientAlerts(signedIn[0], signedIn[1], null);
        given().auth().oauth2(signedIn[1]).get(url).then().statusCode(503).contentType("application/problem+json");
        page.context().close();
    }

    private static void accessible(Page page, String screen) {
        assertEquals(java.util.List.of(), Axe.seriousViolations(page), screen + ": axe-core's serious or critical violations");
    }

    @Test
    void everyScreenIsAccessibleInEnglishAndInSpanish() {
        Page page = chromium.phone();
        page.navigate(app.toString());
        PlaywrightAssertions.assertThat(page.getByLabel("Access token")).isVisible();
        accessible(page, "sign-in");
        String[] signedIn = signedInOnTheCheckIn(page);
        accessible(page, "check-in");
        page.getByLabel("Temperature").first().fill("38.6");
        page.getByText("Send my check-in").click();
        PlaywrightAssertions.assertThat(page.locator("#result-instructions")).hasAttribute("data-disposition", "CENTER_NOW");
        accessible(page, "result");
        page.navigate(app + "#/history/" + signedIn[0]);
        PlaywrightAssertions.assertThat(page.locator("#history-check-ins .card")).hasCount(1);
        PlaywrightAssertions.assertThat(page.locator("#history-check-ins")).containsText("Call your CAR-T center now");
        accessible(page, "history");
        page.navigate(app + "#/");
        PlaywrightAssertions.assertThat(page.locator(".due")).isVisible();
        accessible(page, "home");
        page.navigate(app + "#/join");
        PlaywrightAssertions.assertThat(page.getByLabel("Invitation code")).isVisible();
        accessible(page, "join");

        // In Spanish: the app's words and the questions from the form.
        page.getByText("Español").click();
        PlaywrightAssertions.assertThat(page.locator("html")).hasAttribute("lang", "es");
        page.navigate(app + "#/check-in/" + signedIn[0]);
        PlaywrightAssertions.assertThat(page.getByText("Escalofríos con temblores")).isVisible();
        PlaywrightAssertions.assertThat(page.getByLabel("Su temperatura").first()).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#send")).hasText("Enviar mi registro");
        accessible(page, "check-in (es)");
        page.context().setOffline(true);
        page.getByText("Escalofríos con temblores").click();
        page.locator("#send").click();
        PlaywrightAssertions.assertThat(page.locator("#result-waiting")).containsText("Esperando para enviar");
        PlaywrightAssertions.assertThat(page.locator("#result-title")).hasText("Llame ahora a su centro de CAR-T");
        accessible(page, "waiting to send (es)");
        page.context().setOffline(false);
        PlaywrightAssertions.assertThat(page.locator("#result-waiting")).isHidden();
        assertEquals(2, checkIns(signedIn[0], signedIn[1]));
        // The check does find what it looks for: a field without a label, text too faint to read.
        page.setContent("<html lang=en><body><main><input type=text><p style='color:#ccc'>Call now</p></main></body></html>");
        assertTrue(Axe.seriousViolations(page).size() >= 2, () -> Axe.seriousViolations(page).toString());
        page.context().close();
    }

    @Test
    void aCaregiverPicksWhichOfTheirPatientsTheyCheckInFor() {
        UUID center = UUID.randomUUID();
        CareTeamStub.center(center, "Memorial CAR-T", "+15550142");
        LocalDate today = LocalDate.now(ZoneId.of("America/Chicago"));
        String ana = Fixtures.unique("ana");
        String anaId = Fixtures.enroll(center, ana, today.minusDays(4));
        String ben = Fixtures.unique("ben");
        String benId = Fixtures.enroll(center, ben, today.minusDays(20));
        String caregiver = Fixtures.unique("cg");
        Fixtures.linkCaregiver(anaId, ana, caregiver);
        Fixtures.linkCaregiver(benId, ben, caregiver);
        String token = TestTokens.token(caregiver, "caregiver");

        Page page = chromium.phone();
        page.navigate(app.toString());
        page.getByLabel("Access token").fill(token);
        page.locator("#sign-in-form button").click();
        PlaywrightAssertions.assertThat(page.locator("#home-title")).hasText("Who are you checking in for?");
        PlaywrightAssertions.assertThat(page.locator("#patients .card")).hasCount(2);
        page.locator("[data-patient='" + benId + "']").click();
        PlaywrightAssertions.assertThat(page.locator("#send")).isEnabled();
        page.getByText("I feel something is seriously wrong").click();
        page.getByText("Send my check-in").click();
        PlaywrightAssertions.assertThat(page.locator("#result-instructions")).hasAttribute("data-disposition", "CENTER_NOW");

        given().auth().oauth2(token).get("/api/v1/patients/" + benId + "/check-ins").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].reportedBy", equalTo("CAREGIVER"));
        assertEquals(0, checkIns(anaId, token));
        page.context().close();
    }

    @Test
    void thePhoneOffersRemindersAndAPushedReminderShowsAsANotificationThatOpensTheCheckIn() {
        Page page = chromium.phone();
        String origin = app.getProtocol() + "://" + app.getAuthority();
        page.context().grantPermissions(java.util.List.of("notifications"),
                new BrowserContext.GrantPermissionsOptions().setOrigin(origin));
        String[] signedIn = signedInOnTheCheckIn(page);
        page.waitForFunction("navigator.serviceWorker.controller !== null");
        page.navigate(app + "#/");
        PlaywrightAssertions.assertThat(page.locator("#reminders-button")).hasText("Get check-in reminders on this phone");
        accessible(page, "home with reminders");

        // A push message delivered to the app's service worker as a push service delivers it (DevTools stands in for one).
        com.microsoft.playwright.CDPSession devtools = page.context().newCDPSession(page);
        java.util.concurrent.CompletableFuture<String> registration = new java.util.concurrent.CompletableFuture<>();
        devtools.on("ServiceWorker.workerRegistrationUpdated", event -> event.getAsJsonArray("registrations")
                .forEach(r -> {
                    if (r.getAsJsonObject().get("scopeURL").getAsString().endsWith("/app/")) {
                        registration.complete(r.getAsJsonObject().get("registrationId").getAsString());
                    }
                }));
        devtools.send("ServiceWorker.enable");
        // Playwright hands events over only while it waits on the page: wait there, not on the future.
        page.waitForCondition(registration::isDone);
        com.google.gson.JsonObject push = new com.google.gson.JsonObject();
        push.addProperty("origin", origin);
        push.addProperty("registrationId", registration.getNow(null));
        push.addProperty("data",
                """
                        {"title":"CAR-T check-in due","body":"It is time to check in.","url":"/app/#/check-in/%s","tag":"check-in-%s"}"""
                        .formatted(signedIn[0], signedIn[0]));
        devtools.send("ServiceWorker.deliverPushMessage", push);
        String count = "navigator.serviceWorker.ready.then(r => r.getNotifications()).then(n => n.length)";
        for (int tries = 0; tries < 50 && ((Number) page.evaluate(count)).intValue() == 0; tries++) {
            page.waitForTimeout(200);
        }
        Object shown = page.evaluate(
                "navigator.serviceWorker.ready.then(r => r.getNotifications()).then(n => n[0].title + '|' + n[0].data.url)");
        assertEquals("CAR-T check-in due|/app/#/check-in/" + signedIn[0], shown);

        // The service worker keeps the page and its files, never the user's data from the API.
        AlertStub.patientAlerts(signedIn[0], signedIn[1], "{\"items\":[],\"nextCursor\":null}");
        page.navigate(app + "#/history/" + signedIn[0]);
        PlaywrightAssertions.assertThat(page.locator("#history-alerts")).containsText("None yet");
        @SuppressWarnings("unchecked")
        java.util.List<String> kept = (java.util.List<String>) page.evaluate("caches.keys()"
                + ".then(names => Promise.all(names.map(n => caches.open(n).then(c => c.keys()))))"
                + ".then(all => all.flat().map(r => new URL(r.url).pathname))");
        assertTrue(kept.contains("/app/") && kept.contains("/app/assets/app.js"), kept::toString);
        assertTrue(kept.stream().noneMatch(path -> path.startsWith("/app/api/") || path.startsWith("/api/")),
                kept::toString);
        page.context().close();
    }
}
