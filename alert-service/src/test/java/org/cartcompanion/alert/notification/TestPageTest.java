package org.cartcompanion.alert.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;

import org.cartcompanion.alert.support.Scenario;
import org.cartcompanion.alert.support.Stubs;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;

/** A clinician sends themselves a test page on every method they chose, and learns which works. */
@QuarkusTest
class TestPageTest {

    @Inject
    MockMailbox mailbox;

    @Test
    void everyMethodIsTestedAtOnceAndTheAnswerSaysHowEachWent() {
        Scenario s = new Scenario(mailbox).wokenBy(List.of("SMS 0", "VOICE 120", "EMAIL 0"), List.of("SMS 0"));
        given().auth().oauth2(s.token(s.primary, "clinician")).post("/api/v1/test-pages").then().statusCode(200)
                .body("type", contains("SMS", "VOICE", "EMAIL")).body("status", contains("SENT", "SENT", "SENT"))
                .body("delaySeconds", contains(0, 120, 0));
        String sms = PhonePagingTest.smsTo(s.primary.phone()).get(0).get("Body");
        assertThat(sms, containsString("test page from CAR-T Companion"));
        assertThat(sms, not(containsString("Reply")));
        List<?> calls = Stubs.server().findAll(postRequestedFor(urlPathEqualTo("/2010-04-01/Accounts/" + Stubs.SMS_ACCOUNT
                + "/Calls.json")).withRequestBody(containing("To=" + encode(s.primary.phone()))));
        assertThat(calls, hasSize(1));
        assertThat(s.awaitMails(s.primary.email(), 1).get(0).getSubject(), containsString("CAR-T Companion test page"));
        // No alert was made for it, and a second test within the minute is refused.
        given().auth().oauth2(s.token(s.primary, "clinician")).post("/api/v1/test-pages").then().statusCode(429)
                .contentType("application/problem+json");
        assertThat(PhonePagingTest.smsTo(s.primary.phone()), hasSize(1));
    }

    @Test
    void anInvalidNumberIsNamedInTheAnswer() {
        Scenario s = new Scenario(mailbox);
        String invalid = "+15550000001";
        s.primaryWith(List.of(Stubs.Person.method("SMS", invalid, 0), Stubs.Person.method("EMAIL", s.primary.email(), 0)));
        StubMapping refused = Stubs.server().stubFor(post(urlPathEqualTo("/2010-04-01/Accounts/" + Stubs.SMS_ACCOUNT
                + "/Messages.json")).atPriority(1).withRequestBody(containing("To=" + encode(invalid)))
                        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
                                "{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\",\"status\":400}")));
        try {
            given().auth().oauth2(s.token(s.primary, "clinician")).post("/api/v1/test-pages").then().statusCode(200)
                    .body("status", contains("FAILED", "SENT")).body("[0].error", containsString("error 21211"));
        } finally {
            Stubs.server().removeStub(refused);
        }
    }

    @Test
    void onlyAClinicianOfACenterMayTestAndOnlyThemselves() {
        given().auth().oauth2(TestTokens.token("nobody-" + System.nanoTime(), "clinician")).post("/api/v1/test-pages")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("patient-" + System.nanoTime(), "patient")).post("/api/v1/test-pages")
                .then().statusCode(403);
        given().post("/api/v1/test-pages").then().statusCode(401);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
