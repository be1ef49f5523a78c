package org.cartcompanion.alert.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.cartcompanion.alert.support.Scenario;
import org.cartcompanion.alert.support.Stubs;
import org.cartcompanion.alert.support.TestClock;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The patient and caregivers are told by SMS, in the patient's language, when their alert is acknowledged or unanswered. */
@QuarkusTest
class PatientTextTest {

    @Inject
    MockMailbox mailbox;

    @Test
    void anAcknowledgementTellsThePatientAndCaregiversWhoWillCall() {
        Scenario s = new Scenario(mailbox);
        String patient = Stubs.Person.fresh("Patient").phone();
        String caregiver = Stubs.Person.fresh("Caregiver").phone();
        Stubs.patientPhones(s.patientId, "en", patient + " PATIENT", caregiver + " CAREGIVER");
        s.deliver("CENTER_NOW");
        s.awaitMails(s.primary.email(), 1);
        assertThat("nothing is told before an answer", PhonePagingTest.smsTo(patient), empty());
        String id = s.alert().getString("id");
        given().auth().oauth2(s.token(s.primary, "clinician")).post("/api/v1/alerts/" + id + "/acknowledge").then()
                .statusCode(200);
        Map<String, String> text = PhonePagingTest.awaitSms(patient, 1).get(0);
        assertThat(text.get("Body"), containsString(s.primary.name() + " acknowledged"));
        assertThat(text.get("Body"), containsString("will contact you. If you feel worse, call the center at +15550199"));
        assertThat(PhonePagingTest.awaitSms(caregiver, 1).get(0).get("Body"), containsString(s.primary.name()));
        assertThat(s.alert(id).getList("timeline.detail"), hasItem("PATIENT_ACK by sms to the patient and 1 caregiver"));
    }

    @Test
    void nobodyAnsweringTellsThemWhatToDoNowInTheirLanguageOnce() {
        Scenario s = new Scenario(mailbox);
        s.language = "es";
        String patient = Stubs.Person.fresh("Patient").phone();
        Stubs.patientPhones(s.patientId, "es", patient + " PATIENT");
        shortPolicy(s);
        s.deliver("CENTER_NOW");
        s.awaitMails(s.primary.email(), 1);
        TestClock.advance(Duration.ofSeconds(11));
        s.awaitMails(s.fallback, 1);
        String body = PhonePagingTest.awaitSms(patient, 1).get(0).get("Body");
        assertThat(body, containsString("Todavía no hay respuesta: llame al centro al +15550199"));
        assertThat(body, containsString("urgencias"));
        // The fallback is paged again every 15 minutes; the patient is told once.
        TestClock.advance(Duration.ofMinutes(15).plusSeconds(1));
        s.awaitMails(s.fallback, 2);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(PhonePagingTest.smsTo(patient), hasSize(1));
    }

    @Test
    void withPatientServiceDownTheCheckInPhoneIsToldAfterThreeTries() {
        Scenario s = new Scenario(mailbox);
        Stubs.patientPhonesFail(s.patientId);
        s.deliver("CENTER_NOW");
        s.awaitMails(s.primary.email(), 1);
        String id = s.alert().getString("id");
        given().auth().oauth2(s.token(s.primary, "clinician")).post("/api/v1/alerts/" + id + "/acknowledge").then()
                .statusCode(200);
        // Three lookups 1 s and 2 s apart, then the phone the check-in carried (+15550123, the event's).
        await().atMost(Duration.ofSeconds(15)).until(() -> PhonePagingTest.smsTo("+15550123").stream()
                .anyMatch(t -> t.get("Body").contains(s.primary.name())));
        assertThat(s.alert(id).getList("timeline.detail"), hasItem("PATIENT_ACK by sms to the patient"));
    }

    @Test
    void anAlertResolvedBeforeItsTimeoutTellsThePatientNothing() {
        Scenario s = new Scenario(mailbox);
        String patient = Stubs.Person.fresh("Patient").phone();
        Stubs.patientPhones(s.patientId, "en", patient + " PATIENT");
        shortPolicy(s);
        s.deliver("CENTER_NOW");
        s.awaitMails(s.primary.email(), 1);
        String id = s.alert().getString("id");
        given().auth().oauth2(s.token(s.primary, "clinician")).contentType(ContentType.JSON)
                .body("{\"outcome\":\"FALSE_ALARM\"}").post("/api/v1/alerts/" + id + "/resolve").then().statusCode(200);
        TestClock.advance(Duration.ofSeconds(11));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(PhonePagingTest.smsTo(patient), empty());
        assertThat(s.alert(id).getList("timeline.type"), not(hasItem("EXHAUSTED")));
    }

    private static void shortPolicy(Scenario s) {
        given().auth().oauth2(s.token(s.coordinator, "coordinator")).contentType(ContentType.JSON)
                .body("""
                        {"levels":[{"targets":["ON_CALL:PRIMARY"],"ackTimeoutSeconds":10}],"repeat":0,
                         "fallbackEmail":"%s"}""".formatted(s.fallback))
                .put("/api/v1/escalation-policies/" + s.centerId).then().statusCode(200);
    }
}
