package org.cartcompanion.patient.infection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.cartcompanion.patient.support.Fixtures;
import org.cartcompanion.support.testing.TestTokens;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;

@QuarkusTest
class InfectionReportResourceTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Chicago"));
    private static FhirValidator validator;

    @BeforeAll
    static void validator() {
        FhirContext context = FhirContext.forR4();
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
                new InMemoryTerminologyServerValidationSupport(context), new CommonCodeSystemsTerminologyService(context));
        validator = context.newValidator();
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(support);
        // SNOMED CT and LOINC are not available offline: unknown codes from them are not errors here.
        instanceValidator.setNoTerminologyChecks(true);
        validator.registerValidatorModule(instanceValidator);
    }

    @Test
    void aCentersInfectionsExportAsCsvAndAsAValidFhirBundle() {
        UUID center = UUID.randomUUID();
        String coordinator = Fixtures.coordinatorOf(center);
        String id = Fixtures.enroll(center, Fixtures.unique("patient"), TODAY.minusDays(20));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(InfectionResourceTest.bacteremia(TODAY.minusDays(8)).replace("\"ancAtOnset\":200",
                        "\"ancAtOnset\":200,\"iggAtOnset\":310"))
                .post("/api/v1/patients/" + id + "/infections").then().statusCode(201);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(InfectionResourceTest.bacteremia(TODAY.minusDays(3)).replace("Escherichia coli", "E. coli, \\\"ESBL\\\""))
                .post("/api/v1/patients/" + id + "/infections").then().statusCode(201);
        String query = "?centerId=" + center + "&from=" + TODAY.minusDays(30) + "&to=" + TODAY;

        String csv = given().auth().oauth2(coordinator).accept("text/csv")
                .get("/api/v1/patients/infection-reports" + query)
                .then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(3, lines.size(), csv);
        assertTrue(lines.get(0).startsWith("event_id,patient_id,center_id,onset_date"), lines.get(0));
        assertTrue(lines.get(1).contains(",12,D0_28 D0_30,P1_ACUTE,BACTERIAL,"), lines.get(1));
        assertTrue(lines.get(2).contains("\"112283007 E. coli, \"\"ESBL\"\"\""), "quoted per RFC 4180: " + lines.get(2));
        assertFalse(csv.contains("Ana P."), "no names in exports");

        String bundle = given().auth().oauth2(coordinator).accept("application/fhir+json")
                .get("/api/v1/patients/infection-reports" + query)
                .then().statusCode(200).contentType(containsString("application/fhir+json"))
                .extract().asString();
        ValidationResult result = validator.validateWithResult(bundle);
        List<SingleValidationMessage> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()).toList();
        assertTrue(errors.isEmpty(), () -> errors.stream().map(m -> m.getLocationString() + " " + m.getMessage()).toList()
                .toString());
        assertTrue(bundle.contains("\"resourceType\":\"Condition\""));
        assertTrue(bundle.contains("\"code\":\"751-8\""), "ANC observation");
        assertTrue(bundle.contains("\"code\":\"2465-3\""), "IgG observation");
        assertFalse(bundle.contains("Ana P."), "no names in exports");

        // The validator does catch a broken bundle: a Condition without its required subject.
        String broken = bundle.replaceFirst("\"subject\":\\{\"reference\":\"Patient/[^\"]+\"\\},", "");
        assertTrue(validator.validateWithResult(broken).getMessages().stream()
                .anyMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR), "a broken bundle fails validation");
    }

    @Test
    void exportsNeedACenterOfTheCallersAndAValidRange() {
        UUID center = UUID.randomUUID();
        String coordinator = Fixtures.coordinatorOf(center);
        given().auth().oauth2(coordinator).accept("text/csv")
                .get("/api/v1/patients/infection-reports?centerId=" + center + "&from=2026-02-30&to=2026-03-01")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(coordinator).accept("text/csv")
                .get("/api/v1/patients/infection-reports?centerId=" + center + "&from=2026-03-02&to=2026-03-01")
                .then().statusCode(400);
        given().auth().oauth2(coordinator).accept("text/csv")
                .get("/api/v1/patients/infection-reports?from=2026-03-01&to=2026-03-02")
                .then().statusCode(400);
        given().auth().oauth2(Fixtures.coordinatorOf(UUID.randomUUID())).accept("text/csv")
                .get("/api/v1/patients/infection-reports?centerId=" + center + "&from=2026-01-01&to=2026-03-01")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.token(Fixtures.unique("p"), "patient")).accept("text/csv")
                .get("/api/v1/patients/infection-reports?centerId=" + center + "&from=2026-01-01&to=2026-03-01")
                .then().statusCode(403);
    }
}
