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

import org.cartcompanion.patient.support.FhirValidation;
import org.cartcompanion.patient.support.Fixtures;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class InfectionReportResourceTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Chicago"));

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
        assertEquals(List.of(), FhirValidation.errors(bundle));
        assertTrue(bundle.contains("\"resourceType\":\"Condition\""));
        assertTrue(bundle.contains("\"code\":\"751-8\""), "ANC observation");
        assertTrue(bundle.contains("\"code\":\"2465-3\""), "IgG observation");
        assertFalse(bundle.contains("Ana P."), "no names in exports");

        // The validator does catch a broken bundle: a Condition without its required subject.
        String broken = bundle.replaceFirst("\"subject\":\\{\"reference\":\"Patient/[^\"]+\"\\},", "");
        assertFalse(FhirValidation.errors(broken).isEmpty(), "a broken bundle fails validation");
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
