package org.cartcompanion.patient.triagerules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.cartcompanion.patient.support.CareTeamStub;
import org.cartcompanion.patient.support.Fixtures;
import org.cartcompanion.patient.triage.RuleSet;
import org.cartcompanion.patient.triage.Threshold;
import org.cartcompanion.patient.triagerules.rest.CenterThresholdsRequest;
import org.cartcompanion.patient.triagerules.service.TriageRulesService;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;

@QuarkusTest
class TriageRulesResourceTest {

    @Inject
    TriageRulesService service;

    @Test
    void staffReadTheRuleTableAsData() {
        given().auth().oauth2(TestTokens.token(Fixtures.unique("md"), "clinician"))
                .get("/api/v1/triage-rules")
                .then().statusCode(200)
                .body("version", equalTo(RuleSet.DEFAULT_VERSION))
                .body("rules.id", hasItems("E1", "E9", "FEVER", "MISSED_PROPHYLAXIS", "M1", "M14", "G2", "G3"))
                .body("rules.find { it.id == 'FEVER' }.dispositions.P1", equalTo("CENTER_NOW"))
                .body("rules.find { it.id == 'FEVER' }.dispositions.P4P5", equalTo("CENTER_SAME_DAY"))
                .body("thresholds.name", hasItem("FEVER_C"))
                .body("thresholds.find { it.name == 'FEVER_C' }.defaultValue", equalTo(38.0f))
                .body("thresholds.find { it.name == 'FEVER_C' }.stricter", equalTo("LOWER"))
                .body("thresholds.find { it.name == 'SPO2_LOW' }.stricter", equalTo("HIGHER"))
                // §10.3: every code with its plain-language label and help in English and Spanish.
                .body("symptoms.size()", equalTo(org.cartcompanion.patient.triage.Symptom.values().length))
                .body("symptoms.find { it.code == 'VOMITING_BLOOD' }.label.en",
                        equalTo("Vomiting blood or what looks like coffee grounds"))
                .body("symptoms.find { it.code == 'VOMITING_BLOOD' }.label.es",
                        equalTo(org.cartcompanion.patient.triage.SymptomWording
                                .of(org.cartcompanion.patient.triage.Symptom.VOMITING_BLOOD,
                                        org.cartcompanion.patient.patient.Language.ES)
                                .label()))
                .body("symptoms.find { it.code == 'WORSE_OVER_HOURS' }.help.es", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(TestTokens.token(Fixtures.unique("p"), "patient"))
                .get("/api/v1/triage-rules")
                .then().statusCode(403);
    }

    @Test
    void aCoordinatorSavesVersionedOverridesForTheirCenter() {
        UUID center = UUID.randomUUID();
        String coordinator = Fixtures.coordinatorOf(center);
        given().auth().oauth2(coordinator).get("/api/v1/triage-rules/centers/" + center)
                .then().statusCode(200)
                .body("version", equalTo(0))
                .body("ruleSetVersion", equalTo(RuleSet.DEFAULT_VERSION));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"thresholds\":{\"FEVER_C\":37.8}}")
                .put("/api/v1/triage-rules/centers/" + center)
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("ruleSetVersion", equalTo("default-2+" + center + ".v1"))
                .body("thresholds.FEVER_C", equalTo(37.8f));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"thresholds\":{\"FEVER_C\":37.9,\"AGE_FRAIL\":70}}")
                .put("/api/v1/triage-rules/centers/" + center)
                .then().statusCode(200)
                .body("version", equalTo(2));
        String clinician = Fixtures.unique("md");
        CareTeamStub.staff(clinician, center, "PHYSICIAN");
        given().auth().oauth2(TestTokens.token(clinician, "clinician")).get("/api/v1/triage-rules/centers/" + center)
                .then().statusCode(200)
                .body("version", equalTo(2))
                .body("thresholds.AGE_FRAIL", equalTo(70.0f));
    }

    @Test
    void badOverridesAreRefusedAndChangeNothing() {
        UUID center = UUID.randomUUID();
        String coordinator = Fixtures.coordinatorOf(center);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"thresholds\":{\"FEVER_F\":100.4}}")
                .put("/api/v1/triage-rules/centers/" + center)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("thresholds.FEVER_F"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"thresholds\":{\"FEVER_C\":39.5}}")
                .put("/api/v1/triage-rules/centers/" + center)
                .then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"thresholds\":{\"FEVER_C\":\"hot\"}}")
                .put("/api/v1/triage-rules/centers/" + center)
                .then().statusCode(400);
        given().auth().oauth2(coordinator).get("/api/v1/triage-rules/centers/" + center)
                .then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void aLessStrictThresholdNeedsTheMedicalLeadsNamedApproval() {
        UUID center = UUID.randomUUID();
        String coordinator = Fixtures.coordinatorOf(center);
        // §10.4: a fever threshold of 38.5 °C is less strict than the table's 38.0 °C; so is an SpO₂ alarm below 92 %.
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"thresholds\":{\"FEVER_C\":38.5,\"SPO2_LOW\":92,\"AGE_FRAIL\":70}}")
                .put("/api/v1/triage-rules/centers/" + center)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("thresholds.FEVER_C", "thresholds.SPO2_LOW"))
                .body("errors.field", org.hamcrest.Matchers.not(hasItem("thresholds.AGE_FRAIL")));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"thresholds\":{\"FEVER_C\":38.5},\"approval\":{\"medicalLead\":\" \",\"reason\":\"x\"}}")
                .put("/api/v1/triage-rules/centers/" + center)
                .then().statusCode(400).body("errors.field", hasItem("approval.medicalLead"));
        given().auth().oauth2(coordinator).get("/api/v1/triage-rules/centers/" + center)
                .then().statusCode(200).body("version", equalTo(0));

        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("""
                        {"thresholds":{"FEVER_C":38.5,"SPO2_LOW":92,"AGE_FRAIL":70},
                         "approval":{"medicalLead":"Dr. Ines Lead, medical director","reason":"Local protocol MP-12"}}""")
                .put("/api/v1/triage-rules/centers/" + center)
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("loosened", equalTo(java.util.List.of("SPO2_LOW", "FEVER_C").stream().sorted(
                        java.util.Comparator.comparingInt(n -> Threshold.valueOf(n).ordinal())).toList()))
                .body("approval.medicalLead", equalTo("Dr. Ines Lead, medical director"))
                .body("approval.reason", equalTo("Local protocol MP-12"));
        given().auth().oauth2(coordinator).get("/api/v1/triage-rules/centers/" + center)
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("approval.medicalLead", equalTo("Dr. Ines Lead, medical director"));
        // Stricter values need no approval, and the next version records none.
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"thresholds\":{\"FEVER_C\":37.8}}")
                .put("/api/v1/triage-rules/centers/" + center)
                .then().statusCode(200)
                .body("version", equalTo(2))
                .body("loosened", equalTo(java.util.List.of()))
                .body("approval", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void onlyTheCentersCoordinatorsMayChangeIt() {
        UUID center = UUID.randomUUID();
        given().auth().oauth2(Fixtures.coordinatorOf(UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"thresholds\":{}}")
                .put("/api/v1/triage-rules/centers/" + center)
                .then().statusCode(404);
        String clinician = Fixtures.unique("md");
        CareTeamStub.staff(clinician, center, "PHYSICIAN");
        given().auth().oauth2(TestTokens.token(clinician, "clinician")).contentType(ContentType.JSON)
                .body("{\"thresholds\":{}}")
                .put("/api/v1/triage-rules/centers/" + center)
                .then().statusCode(403);
    }

    @Test
    void theCentersNewestVersionIsTheRuleSetItsCheckInsUse() throws Throwable {
        UUID center = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String coordinator = Fixtures.unique("coord");
        CareTeamStub.staff(coordinator, center, "COORDINATOR");
        org.cartcompanion.support.security.Caller caller = new org.cartcompanion.support.security.Caller(null) {
            @Override
            public String subject() {
                return coordinator;
            }

            @Override
            public boolean has(String role) {
                return "coordinator".equals(role);
            }

            @Override
            public java.util.Set<String> roles() {
                return java.util.Set.of("coordinator");
            }
        };
        VertxContextSupport.subscribeAndAwait(() -> service.save(center,
                new CenterThresholdsRequest(Map.of("SPO2_LOW", 95.0), null), caller));
        // SpO2 94 %: low at this center (below 95), not by the default table (below 94).
        checkIn(center).body("triage.ruleSetVersion", equalTo("default-2+" + center + ".v1"))
                .body("triage.disposition", equalTo("CENTER_NOW"));
        checkIn(other).body("triage.ruleSetVersion", equalTo(RuleSet.DEFAULT_VERSION))
                .body("triage.disposition", equalTo("SELF_CARE"));
    }

    private static io.restassured.response.ValidatableResponse checkIn(UUID center) {
        String subject = Fixtures.unique("patient");
        String patient = Fixtures.enroll(center, subject, java.time.LocalDate.now().minusDays(60));
        return given().auth().oauth2(TestTokens.token(subject, "patient")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"recordedAt\":\"%s\",\"vitals\":{\"spo2\":94}}".formatted(
                        java.time.OffsetDateTime.now().minusMinutes(1)))
                .post("/api/v1/patients/" + patient + "/check-ins").then().statusCode(201);
    }
}
