package org.cartcompanion.e2e.flow;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.cartcompanion.e2e.system.Api;
import org.cartcompanion.e2e.system.Browser;
import org.cartcompanion.e2e.system.CarTSystem;
import org.cartcompanion.e2e.system.CarTSystem.Service;
import org.cartcompanion.e2e.system.Mailbox;
import org.cartcompanion.e2e.system.Phones;
import org.cartcompanion.e2e.system.Scenario;
import org.cartcompanion.e2e.system.Scenario.Center;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * A physician sets how they are woken in the console, at phone size, and sends themselves a test page that reaches the
 * provider's stand-in: the console, care-team-service's contact methods and alert-service's test page, in Chromium.
 */
class HowIAmPagedIT {

    private static CarTSystem system;
    private static Scenario scenario;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        system = CarTSystem.shared();
        scenario = new Scenario(system, new Mailbox(system));
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aPhysicianAddsAnSmsSavesItAndTheirTestPageArrives() throws Exception {
        Center center = scenario.center(600);
        String subject = "primary-" + center.tag();
        String phone = "+1555" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        Page page = browser.page(390, 844);
        page.navigate(system.url(Service.CARE_TEAM) + "/console/me");
        page.locator("#token").fill(system.tokens().token(subject, "clinician"));
        page.locator("#sign-in-form button[type=submit]").click();
        PlaywrightAssertions.assertThat(page.locator("#me h1")).hasText("How I am paged");
        // Nothing saved: their email at once.
        Locator rows = page.locator("#methods li");
        PlaywrightAssertions.assertThat(rows).hasCount(1);
        PlaywrightAssertions.assertThat(rows.nth(0).locator("input[name=address]")).hasValue(center.primaryEmail());

        page.locator("#add-method").click();
        Locator sms = rows.nth(1);
        sms.locator("select").selectOption("SMS");
        sms.locator("input[name=address]").fill(phone);
        sms.locator("input[name=delay]").fill("0");
        page.locator("#add-method").click();
        Locator call = rows.nth(2);
        call.locator("select").selectOption("VOICE");
        call.locator("input[name=address]").fill("12345");
        call.locator("input[name=delay]").fill("120");
        // A number that is not E.164 is refused with the field named, and nothing is saved.
        page.locator("#save-methods").click();
        PlaywrightAssertions.assertThat(page.locator("#error")).containsText("[2].address");
        call.locator("input[name=address]").fill(phone);
        page.locator("#save-methods").click();
        PlaywrightAssertions.assertThat(page.locator("#methods-saved")).containsText("Saved");
        Api.Answer saved = Api.get(scenario.care("/api/v1/clinicians/" + center.primaryId() + "/contact-methods"),
                scenario.admin()).expect(200);
        assertThat(saved.json().findValuesAsText("type"), equalTo(java.util.List.of("EMAIL", "SMS", "VOICE")));
        assertThat(saved.json().get(2).get("delaySeconds").asInt(), equalTo(120));

        page.locator("#test-page").click();
        PlaywrightAssertions.assertThat(page.locator("#test-results li")).hasCount(3);
        PlaywrightAssertions.assertThat(page.locator("#test-results")).containsText("SMS " + phone + ": sent");
        PlaywrightAssertions.assertThat(page.locator("#test-results")).containsText("Phone call " + phone + ": sent");
        Phones phones = system.phones();
        await().atMost(Duration.ofSeconds(10)).until(() -> !phones.smsTo(phone).isEmpty());
        assertThat(phones.smsTo(phone).get(0).body(), containsString("test page from CAR-T Companion"));
        assertThat(phones.callsTo(phone), hasSize(1));
        // No sideways scroll at phone width.
        assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), equalTo(true));
        page.context().close();
    }
}
