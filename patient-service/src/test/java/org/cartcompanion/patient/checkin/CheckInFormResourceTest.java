package org.cartcompanion.patient.checkin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cartcompanion.patient.support.CareTeamStub;
import org.cartcompanion.patient.support.FhirValidation;
import org.cartcompanion.patient.support.Fixtures;
import org.cartcompanion.patient.triage.RuleSet;
import org.cartcompanion.patient.triage.Symptom;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** {@code GET /api/v1/patients/{id}/check-in-form} (API.md v1.1; issue 20). */
@QuarkusTest
class CheckInFormResourceTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Chicago"));

    UUID center;
    String subject;
    String patientId;
    String patientToken;

    @BeforeEach
    void enrollDay5Patient() {
        center = UUID.randomUUID();
        CareTeamStub.center(center, "Riverside CAR-T Center", "+15550199");
        subject = Fixtures.unique("patient");
        patientId = Fixtures.enroll(center, subject, TODAY.minusDays(5));
        patientToken = TestTokens.token(subject, "patient");
    }

    JsonPath form(String token, String query) {
        return given().auth().oauth2(token).get("/api/v1/patients/" + patientId + "/check-in-form" + query)
                .then().statusCode(200).contentType(containsString("application/json")).extract().jsonPath();
    }

    @Test
    void aDay5PatientGetsEveryCodeWithTheTemperatureAndRedFlagsFirst() {
        JsonPath form = form(patientToken, "?lang=en");
        assertEquals(RuleSet.DEFAULT_VERSION, form.getString("version"));
        assertEquals("P1_ACUTE", form.getString("phase"));
        assertEquals(5, form.getInt("dayPostInfusion"));
        assertEquals(TODAY.toString(), form.getString("date"));
        List<Map<String, Object>> items = form.getList("items");
        List<String> codes = items.stream().map(i -> (String) i.get("code")).toList();
        for (Symptom s : Symptom.values()) {
            assertTrue(codes.contains(s.name()), "every code is asked: " + s);
        }
        assertEquals(List.of("temperature", "temperatureMethod", "antipyreticLast6h"), codes.subList(0, 3));
        Map<String, Object> temperature = items.get(0);
        assertEquals("number", temperature.get("type"));
        assertEquals("C", temperature.get("unit"));
        assertEquals(30, temperature.get("min"));
        assertEquals(45, temperature.get("max"));
        assertEquals(true, temperature.get("redFlag"));
        assertEquals("F", form.getString("items[0].otherUnits[0].unit"));
        assertEquals(86.0f, form.getFloat("items[0].otherUnits[0].min"));
        assertEquals(5, form.getList("items[1].options").size());
        // Red flags come before every other question but the temperature's.
        int lastRedFlag = -1;
        int firstOther = Integer.MAX_VALUE;
        for (int i = 3; i < items.size(); i++) {
            if (Boolean.TRUE.equals(items.get(i).get("redFlag"))) {
                lastRedFlag = i;
            } else {
                firstOther = Math.min(firstOther, i);
            }
        }
        assertTrue(lastRedFlag < firstOther, "red flags first");
        assertTrue(redFlag(items, "SEIZURE") && redFlag(items, "RIGORS"), "day 5: rigors reach the center at once");
        assertFalse(redFlag(items, "WORSE_OVER_HOURS"), "a flag that only raises other rows");
        assertTrue(codes.indexOf("SEIZURE") < codes.indexOf("RIGORS"), "911 before the center");
        assertTrue(codes.contains("iceScore"), "P1 asks for the home ICE-style check");
        assertEquals("neuro", group(items, "iceScore"));
        assertEquals("vitals", group(items, "spo2"));
        assertEquals("symptoms", group(items, "COUGH"));
        assertEquals("neuro", group(items, "TREMOR"));
        assertEquals("Shaking chills", item(items, "RIGORS").get("label"));
        assertEquals(List.of("temperature", "vitals", "symptoms", "neuro"), form.getList("groups.code"));
        assertTrue(form.getList("offline.rules").size() > 20);
    }

    @Test
    void aPatientAYearOnIsAskedEveryCodeButNotTheHomeIceCheck() {
        String late = Fixtures.unique("patient");
        patientId = Fixtures.enroll(center, late, TODAY.minusDays(400));
        JsonPath form = form(TestTokens.token(late, "patient"), "");
        assertEquals("P5_LONG_TERM", form.getString("phase"));
        List<String> codes = form.getList("items.code");
        assertFalse(codes.contains("iceScore"));
        for (Symptom s : Symptom.values()) {
            assertTrue(codes.contains(s.name()), "every code is asked: " + s);
        }
        assertFalse(redFlag(form.getList("items"), "RIGORS"), "rigors alone are not a red flag a year on");
    }

    @Test
    void labelsAndHelpComeInSpanishByParameterHeaderOrThePatientsLanguage() {
        JsonPath es = form(patientToken, "?lang=es");
        assertEquals("es", es.getString("language"));
        List<Map<String, Object>> items = es.getList("items");
        assertEquals("Escalofríos con temblores", item(items, "RIGORS").get("label"));
        assertEquals("Su temperatura", item(items, "temperature").get("label"));
        assertEquals("Temperatura", es.getString("groups[0].title"));
        assertTrue(es.getList("offline.results.instructions").stream().anyMatch(t -> ((String) t).startsWith("Llame al 911")));

        JsonPath header = given().auth().oauth2(patientToken).header("Accept-Language", "en-US,en;q=0.9")
                .get("/api/v1/patients/" + patientId + "/check-in-form").then().statusCode(200).extract().jsonPath();
        assertEquals("Shaking chills", item(header.getList("items"), "RIGORS").get("label"));
        // The fixture's patient speaks Spanish.
        assertEquals("es", form(patientToken, "").getString("language"));

        given().auth().oauth2(patientToken).get("/api/v1/patients/" + patientId + "/check-in-form?lang=fr")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("en or es"));
    }

    @Test
    void whatTheFormSaysOfAnAnswerOfflineIsWhatTheCheckInGetsOnline() {
        JsonPath form = form(patientToken, "?lang=en");
        List<Map<String, Object>> rules = form.getList("offline.rules");
        List<Map<String, Object>> results = form.getList("offline.results");
        for (String code : List.of("SEIZURE", "RIGORS")) {
            Map<String, Object> rule = rules.stream()
                    .filter(r -> r.get("when").equals(List.of(Map.of("item", code, "equals", true)))).findFirst()
                    .orElseThrow();
            Map<String, Object> result = results.get((Integer) rule.get("result"));
            String recordedAt = OffsetDateTime.now(ZoneOffset.ofHours(-6)).truncatedTo(ChronoUnit.SECONDS).toString();
            given().auth().oauth2(patientToken).contentType(ContentType.JSON).header("Accept-Language", "en")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body("{\"recordedAt\":\"" + recordedAt + "\",\"symptoms\":[\"" + code + "\"]}")
                    .post("/api/v1/patients/" + patientId + "/check-ins")
                    .then().statusCode(201)
                    .body("triage.disposition", equalTo(result.get("disposition")))
                    .body("triage.instructions", equalTo(result.get("instructions")))
                    .body("triage.callNumber", equalTo(result.get("callNumber")));
        }
    }

    @Test
    void theFormIsAValidFhirQuestionnaire() {
        String questionnaire = given().auth().oauth2(patientToken).accept("application/fhir+json")
                .get("/api/v1/patients/" + patientId + "/check-in-form?lang=es")
                .then().statusCode(200).contentType(containsString("application/fhir+json")).extract().asString();
        assertEquals(List.of(), FhirValidation.errors(questionnaire));
        JsonPath q = JsonPath.from(questionnaire);
        assertEquals("Questionnaire", q.getString("resourceType"));
        assertEquals(RuleSet.DEFAULT_VERSION, q.getString("version"));
        assertEquals(List.of("group-temperature", "group-vitals", "group-symptoms", "group-neuro"), q.getList("item.linkId"));
        assertEquals("temperature", q.getString("item[0].item[0].linkId"));
        assertEquals("decimal", q.getString("item[0].item[0].type"));
        assertEquals("Escalofríos con temblores", q.getString("item[2].item.find { it.linkId == 'RIGORS' }.text"));
        int asked = q.getList("item.item.flatten().linkId").size();
        assertEquals(Symptom.values().length + 9, asked, "every code and the nine other questions");
        // The validator does catch a broken questionnaire: two questions with one linkId.
        String broken = questionnaire.replaceFirst("\"linkId\":\"COUGH\"", "\"linkId\":\"RIGORS\"");
        assertFalse(FhirValidation.errors(broken).isEmpty(), "a broken questionnaire fails validation");
    }

    @Test
    void thePatientLinkedCaregiversAndTheCentersStaffReadItAndNobodyElse() {
        String caregiver = Fixtures.unique("cg");
        Fixtures.linkCaregiver(patientId, subject, caregiver);
        form(TestTokens.token(caregiver, "caregiver"), "");
        String clinician = Fixtures.unique("clin");
        CareTeamStub.staff(clinician, center, "PHYSICIAN");
        form(TestTokens.token(clinician, "clinician"), "");
        // A nurse here who coordinates another center sees the patient as staff.
        String nurse = Fixtures.unique("dual");
        UUID other = UUID.randomUUID();
        CareTeamStub.staff(nurse, center, "NURSE", other, "COORDINATOR");
        form(TestTokens.token(nurse, "coordinator"), "");

        String url = "/api/v1/patients/" + patientId + "/check-in-form";
        // A coordinator of another center only: the patient does not exist for them.
        String elsewhere = Fixtures.unique("coord");
        CareTeamStub.staff(elsewhere, other, "COORDINATOR");
        given().auth().oauth2(TestTokens.token(elsewhere, "coordinator")).get(url).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token(Fixtures.unique("cg"), "caregiver")).get(url).then().statusCode(404);
        given().auth().oauth2(TestTokens.token(Fixtures.unique("patient"), "patient")).get(url).then().statusCode(404);
        given().auth().oauth2(patientToken).get("/api/v1/patients/" + UUID.randomUUID() + "/check-in-form").then()
                .statusCode(404);
        // A community physician on the care team sees the patient but is not the center's staff.
        String physician = Fixtures.unique("gp");
        CareTeamStub.careTeamWithCommunityPhysician(patientId, center, physician);
        given().auth().oauth2(TestTokens.token(physician, "community-physician")).get(url).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token(subject, "admin")).get(url).then().statusCode(403);
        given().get(url).then().statusCode(401);
        given().auth().oauth2(TestTokens.expired(subject, "patient")).get(url).then().statusCode(401);
        given().auth().oauth2(TestTokens.foreignIssuer(subject, "patient")).get(url).then().statusCode(401);
        given().auth().oauth2(TestTokens.tampered(subject, "patient")).get(url).then().statusCode(401);
        given().auth().oauth2(patientToken).get(url).then().statusCode(200).body("items.code", hasItem("SEIZURE"))
                .body("items.code", not(hasItem("NOT_A_CODE")));
    }

    private static Map<String, Object> item(List<Map<String, Object>> items, String code) {
        return items.stream().filter(i -> code.equals(i.get("code"))).findFirst().orElseThrow();
    }

    private static boolean redFlag(List<Map<String, Object>> items, String code) {
        return Boolean.TRUE.equals(item(items, code).get("redFlag"));
    }

    private static String group(List<Map<String, Object>> items, String code) {
        return (String) item(items, code).get("group");
    }
}
