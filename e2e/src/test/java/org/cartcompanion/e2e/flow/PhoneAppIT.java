package org.cartcompanion.e2e.flow;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.cartcompanion.e2e.system.Api;
import org.cartcompanion.e2e.system.Browser;
import org.cartcompanion.e2e.system.CarTSystem;
import org.cartcompanion.e2e.system.CarTSystem.Service;
import org.cartcompanion.e2e.system.Mailbox;
import org.cartcompanion.e2e.system.Scenario;
import org.cartcompanion.e2e.system.Scenario.Center;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * The patient's phone app against the three real services (issue 20): a day-5 patient checks in with a fever on a phone-sized
 * browser, is told to call the center with its number to tap, the on-call physician acknowledges from their page's link, and
 * the phone shows who acknowledged; the history lists the alert and the check-in. Each screen is saved as a picture in
 * {@code e2e/target/app-walk-through/} (README's walk through the app).
 */
class PhoneAppIT {

    private static final Path PICTURES = Path.of("target", "app-walk-through");

    private static CarTSystem system;
    private static Scenario scenario;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        system = CarTSystem.shared();
        scenario = new Scenario(system, new Mailbox(system));
        browser = Browser.start();
        Files.createDirectories(PICTURES);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private static void picture(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(PICTURES.resolve(name + ".png")).setFullPage(false));
    }

    @Test
    void aPatientChecksInWithAFeverOnThePhoneIsToldToCallTheCenterAndSeesWhoAcknowledged() {
        // Levels of ten minutes: the primary's page is the only one within the test.
        Center center = scenario.center(600);
        String subject = "phone-" + center.tag();
        String patient = scenario.enroll(center, subject, 5);
        String token = system.tokens().token(subject, "patient");

        Page phone = browser.page(390, 844);
        phone.navigate(system.url(Service.PATIENT) + "/app/");
        phone.getByLabel("Access token").fill(token);
        phone.locator("#sign-in-form button").click();
        PlaywrightAssertions.assertThat(phone.locator(".due")).isVisible();
        picture(phone, "1-home");

        phone.locator("[data-patient='" + patient + "']").click();
        PlaywrightAssertions.assertThat(phone.locator("#send")).isEnabled();
        picture(phone, "2-check-in");
        phone.getByLabel("Temperature").first().fill("101.5");
        phone.locator("#unit-temperature").selectOption("F");
        phone.getByText("Shaking chills").click();
        phone.getByText("Send my check-in").click();
        PlaywrightAssertions.assertThat(phone.locator("#result-instructions")).hasAttribute("data-disposition", "CENTER_NOW");
        PlaywrightAssertions.assertThat(phone.locator("#result-call")).hasAttribute("href", "tel:+15550199");
        PlaywrightAssertions.assertThat(phone.locator("#result-alert")).hasAttribute("data-status", "TRIGGERED",
                new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        picture(phone, "3-call-the-center");

        // The primary acknowledges from the link in their page; within the phone's next look (10 s) it says who.
        String link = scenario.awaitMail(center.primaryEmail(), 1, Duration.ofSeconds(20)).ackLink();
        Api.post(link, null, null).expect(200);
        PlaywrightAssertions.assertThat(phone.locator("#result-alert")).hasAttribute("data-status", "ACKNOWLEDGED",
                new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        PlaywrightAssertions.assertThat(phone.locator("#result-alert")).containsText("acknowledged");
        picture(phone, "4-acknowledged");

        phone.navigate(system.url(Service.PATIENT) + "/app/#/history/" + patient);
        PlaywrightAssertions.assertThat(phone.locator("#history-alerts .card")).hasCount(1);
        PlaywrightAssertions.assertThat(phone.locator("#history-check-ins .card")).hasCount(1);
        picture(phone, "5-history");

        // The same screens in Spanish.
        phone.getByText("Español").click();
        phone.navigate(system.url(Service.PATIENT) + "/app/#/check-in/" + patient);
        PlaywrightAssertions.assertThat(phone.getByText("Escalofríos con temblores")).isVisible();
        picture(phone, "6-check-in-es");
        assertThat(Api.get(system.url(Service.PATIENT) + "/api/v1/patients/" + patient + "/check-ins", token).expect(200)
                .at("/items/0/triage/disposition"), equalTo("CENTER_NOW"));
        assertThat(Api.get(system.url(Service.ALERT) + "/api/v1/alerts?patientId=" + patient, token).expect(200)
                .at("/items/0/patientMessage"), containsString("acknowledged"));
        phone.context().close();
    }
}
