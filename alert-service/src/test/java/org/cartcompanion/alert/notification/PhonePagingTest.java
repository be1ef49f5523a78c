package org.cartcompanion.alert.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.cartcompanion.alert.directory.service.DirectoryRefresher;
import org.cartcompanion.alert.support.Scenario;
import org.cartcompanion.alert.support.Stubs;
import org.cartcompanion.alert.support.TestClock;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Pages that wake people: each contact method of each recipient after its delay, SMS and calls through the provider (WireMock
 * plays it, as Twilio's API), acknowledgement by a signed SMS reply or a key pressed on the call, and what the provider's
 * refusals mean.
 */
@QuarkusTest
class PhonePagingTest {

    private static final String MESSAGES = "/2010-04-01/Accounts/" + Stubs.SMS_ACCOUNT + "/Messages.json";
    private static final String CALLS = "/2010-04-01/Accounts/" + Stubs.SMS_ACCOUNT + "/Calls.json";
    private static final Pattern REPLY = Pattern.compile("Reply (\\d{6}) to acknowledge");

    @Inject
    MockMailbox mailbox;

    @Inject
    DirectoryRefresher refresher;

    @Test
    void eachMethodFiresAfterItsDelayAndAReplyWithTheCodeAcknowledgesAndCancelsTheRest() {
        Scenario s = new Scenario(mailbox).wokenBy(List.of("SMS 0", "EMAIL 0", "VOICE 120"), List.of("SMS 0"));
        s.deliver("CENTER_NOW");
        Map<String, String> sms = awaitSms(s.primary.phone(), 1).get(0);
        assertThat(sms.get("From"), equalTo(Stubs.SMS_FROM));
        String text = sms.get("Body");
        assertThat(text, containsString("CENTER_NOW"));
        assertThat(text, containsString("day 5"));
        assertThat(text, containsString("+15550199"));
        assertThat(text, matchesPattern("(?s).*Reply \\d{6} to acknowledge.*"));
        assertThat("no name on a lock screen", text, not(containsString("Primary")));
        s.awaitMails(s.primary.email(), 1);
        JsonPath alert = s.alert();
        String id = alert.getString("id");
        assertThat(alert.getList("timeline.detail"), hasItem("PAGE by voice to " + s.primary.name()
                + " in 120 s unless acknowledged first"));
        assertThat("the call waits its delay", calls(s.primary.phone()), empty());

        Response reply = inbound(s.primary.phone(), "ok " + code(text) + " on my way");
        reply.then().statusCode(200).contentType(containsString("xml"));
        assertThat(reply.asString(), containsString("<Response><Message>CAR-T Companion: acknowledged (CENTER_NOW, day 5)"));
        JsonPath acked = s.alert(id);
        assertThat(acked.getString("status"), equalTo("ACKNOWLEDGED"));
        assertThat(acked.getList("timeline.detail", String.class).stream()
                .anyMatch(d -> d.equals("Acknowledged by " + s.primary.name() + " (via an SMS reply)")), equalTo(true));
        assertThat(acked.getList("timeline.detail", String.class).stream()
                .anyMatch(d -> d.startsWith("1 page not sent yet cancelled (voice to " + s.primary.name() + ")")),
                equalTo(true));

        // Past the call's delay and the level's timeout: no call, no backup, no further SMS.
        TestClock.advance(Duration.ofMinutes(6));
        await().pollDelay(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(calls(s.primary.phone()), empty());
        assertThat(smsTo(s.backup.phone()), empty());
        assertThat(smsTo(s.primary.phone()), hasSize(1));
        // The same reply again changes nothing and says so.
        assertThat(inbound(s.primary.phone(), code(text)).asString(), containsString("already acknowledged by "
                + s.primary.name()));
    }

    @Test
    void aForgedOrMissingSignatureIs403AndChangesNothing() {
        Scenario s = new Scenario(mailbox).wokenBy(List.of("SMS 0"), List.of("SMS 0"));
        s.deliver("CENTER_NOW");
        String code = code(awaitSms(s.primary.phone(), 1).get(0).get("Body"));
        String id = s.alert().getString("id");
        Map<String, String> form = form(s.primary.phone(), code);

        given().contentType("application/x-www-form-urlencoded").formParams(form).post("/api/v1/sms/inbound").then()
                .statusCode(403).contentType("application/problem+json");
        given().contentType("application/x-www-form-urlencoded").formParams(form)
                .header("X-Twilio-Signature", sign("another-token", Stubs.SMS_INBOUND_URL, form)).post("/api/v1/sms/inbound")
                .then().statusCode(403);
        given().contentType("application/x-www-form-urlencoded").formParams(form)
                .header("X-Twilio-Signature", sign(Stubs.SMS_TOKEN, "https://elsewhere.example/api/v1/sms/inbound", form))
                .post("/api/v1/sms/inbound").then().statusCode(403);
        // Signed for one body, sent with another.
        Map<String, String> other = form(s.primary.phone(), code);
        other.put("Body", "000000");
        given().contentType("application/x-www-form-urlencoded").formParams(form)
                .header("X-Twilio-Signature", sign(Stubs.SMS_TOKEN, Stubs.SMS_INBOUND_URL, other))
                .post("/api/v1/sms/inbound").then().statusCode(403);
        assertThat(s.alert(id).getString("status"), equalTo("TRIGGERED"));
    }

    @Test
    void aCodeFromANumberThatWasNotPagedForThatAlertAcknowledgesNothing() {
        Scenario a = new Scenario(mailbox).wokenBy(List.of("SMS 0"), List.of("SMS 0"));
        Scenario b = new Scenario(mailbox).wokenBy(List.of("SMS 0"), List.of("SMS 0"));
        a.deliver("CENTER_NOW");
        b.deliver("CENTER_NOW");
        String codeA = code(awaitSms(a.primary.phone(), 1).get(0).get("Body"));
        String codeB = code(awaitSms(b.primary.phone(), 1).get(0).get("Body"));
        // A's code from B's phone, a code nobody was sent, no code at all, and a number never paged.
        String wrong = codeA.equals(codeB) ? "123456" : codeA;
        assertThat(inbound(b.primary.phone(), wrong).asString(), containsString("does not match"));
        assertThat(inbound(a.primary.phone(), "yes").asString(), containsString("reply with the code"));
        assertThat(inbound(a.backup.phone(), codeA).asString(), containsString("does not match"));
        assertThat(a.alert().getString("status"), equalTo("TRIGGERED"));
        assertThat(b.alert().getString("status"), equalTo("TRIGGERED"));
        // Its own code from its own phone does.
        assertThat(inbound(b.primary.phone(), codeB).asString(), containsString("acknowledged"));
        assertThat(b.alert().getString("status"), equalTo("ACKNOWLEDGED"));
        assertThat(a.alert().getString("status"), equalTo("TRIGGERED"));
    }

    @Test
    void anInvalidNumberFailsForGoodWhileTheEmailGoesAndTheNextLevelIsOnTime() {
        Scenario s = new Scenario(mailbox);
        String invalid = "+15550000000";
        s.primaryWith(List.of(Stubs.Person.method("SMS", invalid, 0), Stubs.Person.method("EMAIL", s.primary.email(), 0)));
        StubMapping refused = Stubs.server().stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(1)
                .withRequestBody(containing("To=" + encode(invalid)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
                        "{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\",\"status\":400}")));
        try {
            s.deliver("CENTER_NOW");
            s.awaitMails(s.primary.email(), 1);
            String id = s.alert().getString("id");
            await().atMost(Duration.ofSeconds(10)).until(() -> s.alert(id).getList("timeline.detail", String.class).stream()
                    .anyMatch(d -> d.contains("error 21211") && d.contains("not retried")));
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
            assertThat("refused for good: tried once", smsTo(invalid), hasSize(1));
            assertThat(s.alert(id).getList("deliveries.status", String.class), hasItem("FAILED"));
            TestClock.advance(Duration.ofMinutes(5).plusSeconds(1));
            s.awaitMails(s.backup.email(), 1);
            assertThat(smsTo(invalid), hasSize(1));
        } finally {
            Stubs.server().removeStub(refused);
        }
    }

    @Test
    void aProviderDownIsRetriedAndTheSmsGoesOnceWhenItRecovers() {
        Scenario s = new Scenario(mailbox).wokenBy(List.of("SMS 0"), List.of("SMS 0"));
        StubMapping down = Stubs.server().stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(1)
                .withRequestBody(containing("To=" + encode(s.primary.phone())))
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
        s.deliver("CENTER_NOW");
        await().atMost(Duration.ofSeconds(15)).until(() -> smsTo(s.primary.phone()).size() >= 3);
        String id = s.alert().getString("id");
        assertThat(s.alert(id).getList("timeline.detail", String.class).stream()
                .anyMatch(d -> d.contains("the SMS provider answered 503") && d.contains("next try in")), equalTo(true));
        Stubs.server().removeStub(down);
        int before = smsTo(s.primary.phone()).size();
        await().atMost(Duration.ofSeconds(15)).until(() -> s.alert(id).getList("timeline.detail", String.class).stream()
                .anyMatch(d -> d.startsWith("PAGE sms sent to " + s.primary.name())));
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat("sent once it recovered, and not again", smsTo(s.primary.phone()), hasSize(before + 1));
    }

    @Test
    void aCallSaysThePageAndPressingOneAcknowledges() {
        Scenario s = new Scenario(mailbox).wokenBy(List.of("VOICE 0"), List.of("VOICE 0"));
        s.deliver("EMERGENCY", "E2");
        await().atMost(Duration.ofSeconds(10)).until(() -> !calls(s.primary.phone()).isEmpty());
        Map<String, String> call = calls(s.primary.phone()).get(0);
        assertThat(call.get("From"), equalTo(Stubs.SMS_FROM));
        String twiml = call.get("Twiml");
        assertThat(twiml, containsString("emergency, day 5 after CAR-T infusion. Press 1 to acknowledge."));
        assertThat(twiml, not(containsString("Primary")));
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(twiml);
        assertThat(action.find(), equalTo(true));
        String url = action.group(1);
        assertThat(url, matchesPattern(Pattern.quote(Stubs.VOICE_URL) + "\\?notification=[0-9a-f-]{36}"));
        String id = s.alert().getString("id");

        Map<String, String> two = new LinkedHashMap<>(Map.of("Digits", "2", "To", s.primary.phone(), "From", Stubs.SMS_FROM,
                "CallSid", "CA1"));
        gather(url, two, sign(Stubs.SMS_TOKEN, url, two)).then().statusCode(200)
                .body(containsString("<Say>The alert is not acknowledged. Goodbye.</Say>"));
        Map<String, String> one = new LinkedHashMap<>(two);
        one.put("Digits", "1");
        gather(url, one, sign(Stubs.SMS_TOKEN, url + "x", one)).then().statusCode(403);
        assertThat(s.alert(id).getString("status"), equalTo("TRIGGERED"));
        gather(url, one, sign(Stubs.SMS_TOKEN, url, one)).then().statusCode(200)
                .body(containsString("acknowledged (EMERGENCY, day 5)"));
        assertThat(s.alert(id).getString("status"), equalTo("ACKNOWLEDGED"));
        assertThat(s.alert(id).getString("acknowledgedBy"), equalTo(s.primary.name()));
    }

    @Test
    void aSignedReplySentAgainAfterTheChainRestartedAcknowledgesNothing() {
        Scenario s = new Scenario(mailbox).wokenBy(List.of("SMS 0"), List.of("SMS 0"));
        s.deliver("CENTER_NOW");
        String code = code(awaitSms(s.primary.phone(), 1).get(0).get("Body"));
        String id = s.alert().getString("id");
        Map<String, String> form = form(s.primary.phone(), code);
        String signature = sign(Stubs.SMS_TOKEN, Stubs.SMS_INBOUND_URL, form);
        given().contentType("application/x-www-form-urlencoded").formParams(form).header("X-Twilio-Signature", signature)
                .post("/api/v1/sms/inbound").then().statusCode(200).body(containsString("acknowledged (CENTER_NOW"));
        // Acknowledged and not resolved: reminded after the window, then the chain starts again.
        TestClock.advance(Duration.ofMinutes(61));
        await().atMost(Duration.ofSeconds(10)).until(() -> s.alert(id).getList("timeline.type").contains("ACK_REMINDER"));
        TestClock.advance(Duration.ofMinutes(61));
        await().atMost(Duration.ofSeconds(10)).until(() -> s.alert(id).getString("status").equals("TRIGGERED"));
        // The same signed request, captured and sent again, is refused; a fresh reply from the phone works.
        given().contentType("application/x-www-form-urlencoded").formParams(form).header("X-Twilio-Signature", signature)
                .post("/api/v1/sms/inbound").then().statusCode(200).body(containsString("already received"));
        assertThat(s.alert(id).getString("status"), equalTo("TRIGGERED"));
        assertThat(inbound(s.primary.phone(), code).asString(), containsString("acknowledged (CENTER_NOW"));
        assertThat(s.alert(id).getString("status"), equalTo("ACKNOWLEDGED"));
    }

    @Test
    void aClinicianNoLongerOfTheCenterCannotAcknowledgeByReplying() {
        Scenario s = new Scenario(mailbox).wokenBy(List.of("SMS 0"), List.of("SMS 0"));
        s.deliver("CENTER_NOW");
        String code = code(awaitSms(s.primary.phone(), 1).get(0).get("Body"));
        String id = s.alert().getString("id");
        // The primary's membership ends: the center no longer lists them.
        Stubs.escalationTargets(s.centerId, List.of("PRIMARY", "BACKUP"), List.of(s.backup, s.coordinator));
        await().pollDelay(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(inbound(s.primary.phone(), code).asString(), containsString("no longer belong"));
        assertThat(s.alert(id).getString("status"), equalTo("TRIGGERED"));
    }

    @Test
    void somebodyWhoseEveryMethodWaitsIsAlsoEmailedAtOnce() {
        Scenario s = new Scenario(mailbox);
        s.primaryWith(List.of(Stubs.Person.method("SMS", s.primary.phone(), 60)));
        s.deliver("CENTER_NOW");
        s.awaitMails(s.primary.email(), 1);
        JsonPath alert = s.alert();
        assertThat(alert.getList("timeline.detail"), hasItem(s.primary.name() + ": nothing fires at once; their email is "
                + "paged at once besides"));
        assertThat(alert.getList("timeline.detail"), hasItem("PAGE by sms to " + s.primary.name()
                + " in 60 s unless acknowledged first"));
        assertThat(smsTo(s.primary.phone()), empty());
    }

    @Test
    void withCareTeamServiceDownTheStoredDirectoryWakesPeopleTheWayTheyChose() {
        Scenario s = new Scenario(mailbox).wokenBy(List.of("SMS 0", "VOICE 60"), List.of("SMS 0"));
        Stubs.pagingDirectory(s.centerId, TestClock.now(), List.of(s.primary), List.of(s.backup), List.of(s.primary, s.backup),
                s.fallback);
        refresher.refreshNow(s.centerId).await().atMost(Duration.ofSeconds(10));
        Stubs.routingFails(s.patientId);
        s.deliver("CENTER_NOW");
        String text = awaitSms(s.primary.phone(), 1).get(0).get("Body");
        assertThat(s.mailsTo(s.primary), empty());
        assertThat(s.alert().getList("timeline.detail"), hasItem("PAGE by voice to " + s.primary.name()
                + " in 60 s unless acknowledged first"));
        assertThat(inbound(s.primary.phone(), code(text)).asString(), containsString("acknowledged"));
        assertThat(s.alert().getString("status"), equalTo("ACKNOWLEDGED"));
    }

    private Response gather(String url, Map<String, String> form, String signature) {
        String query = url.substring(url.indexOf('?') + 1);
        return given().contentType("application/x-www-form-urlencoded").formParams(form)
                .header("X-Twilio-Signature", signature).post("/api/v1/voice/gather?" + query);
    }

    private static Response inbound(String from, String body) {
        Map<String, String> form = form(from, body);
        return given().contentType("application/x-www-form-urlencoded").formParams(form)
                .header("X-Twilio-Signature", sign(Stubs.SMS_TOKEN, Stubs.SMS_INBOUND_URL, form)).post("/api/v1/sms/inbound");
    }

    /** An inbound SMS as the provider posts it. */
    private static Map<String, String> form(String from, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM" + Long.toHexString(System.nanoTime()));
        form.put("AccountSid", Stubs.SMS_ACCOUNT);
        form.put("From", from);
        form.put("To", Stubs.SMS_FROM);
        form.put("Body", body);
        form.put("NumMedia", "0");
        return form;
    }

    /** The provider's signature, computed here as its documentation says (not with the service's code). */
    static String sign(String token, String url, Map<String, String> form) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String code(String text) {
        Matcher m = REPLY.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no reply code in: " + text);
        }
        return m.group(1);
    }

    static List<Map<String, String>> awaitSms(String number, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> smsTo(number).size() >= count);
        return smsTo(number);
    }

    static List<Map<String, String>> smsTo(String number) {
        return requests(MESSAGES, number);
    }

    private static List<Map<String, String>> calls(String number) {
        return requests(CALLS, number);
    }

    private static List<Map<String, String>> requests(String path, String number) {
        List<Map<String, String>> found = new ArrayList<>();
        for (LoggedRequest r : Stubs.server().findAll(postRequestedFor(urlPathEqualTo(path))
                .withRequestBody(containing("To=" + encode(number))))) {
            found.add(parse(r.getBodyAsString()));
        }
        return found;
    }

    private static Map<String, String> parse(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
