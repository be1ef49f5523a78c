package org.cartcompanion.patient.infection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.cartcompanion.patient.support.Fixtures;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class InfectionResourceTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Chicago"));

    static String bacteremia(LocalDate onset) {
        return """
                {"onsetDate":"%s","diagnosisDate":"%s","pathogenClass":"BACTERIAL",
                 "organisms":[{"code":"112283007","display":"Escherichia coli"}],"sites":["BLOODSTREAM"],
                 "documentationLevel":"MICROBIOLOGICAL","severityCtcae":3,"severityBmtCtn":"SEVERE","ancAtOnset":200,
                 "prophylaxisActive":[{"prophylaxisClass":"ANTIBACTERIAL","agent":"levofloxacin","started":"%s"}],
                 "concurrentCrsGrade":1,"attribution":"INFECTION","careSetting":"CENTER_INPATIENT","detectedBy":"APP_ALERT",
                 "treatmentRequired":true,"hospitalized":true,"icu":false,"outcome":"ONGOING"}"""
                .formatted(onset, onset.plusDays(1), onset.minusDays(14));
    }

    @Test
    void aClinicianRecordsAnInfectionAndTheServiceDerivesTheRegistryFields() {
        UUID center = UUID.randomUUID();
        String coordinator = Fixtures.coordinatorOf(center);
        String id = Fixtures.enroll(center, Fixtures.unique("patient"), TODAY.minusDays(20));
        String eventId = given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(bacteremia(TODAY.minusDays(8)))
                .post("/api/v1/patients/" + id + "/infections")
                .then().statusCode(201)
                .body("dayPostInfusion", equalTo(12))
                .body("phaseAtOnset", equalTo("P1_ACUTE"))
                .body("timingBuckets", contains("D0_28", "D0_30"))
                .body("neutropenicAtOnset", equalTo(true))
                .body("breakthroughOnProphylaxis", equalTo(true))
                .body("cibmtrReportable", equalTo(true))
                .body("recorded.organisms[0].display", equalTo("Escherichia coli"))
                .extract().path("id");

        // A relapse of the same infection links to it and is not reported again.
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(bacteremia(TODAY.minusDays(2)).replace("\"outcome\":\"ONGOING\"",
                        "\"outcome\":\"ONGOING\",\"sameInfectionOf\":\"" + eventId + "\""))
                .post("/api/v1/patients/" + id + "/infections")
                .then().statusCode(201)
                .body("cibmtrReportable", equalTo(false));

        // Updating re-derives: it turns out to be culture-negative fever.
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(bacteremia(TODAY.minusDays(8)).replace("\"MICROBIOLOGICAL\"", "\"FUO\"").replace("\"BACTERIAL\"",
                        "\"FUO\""))
                .put("/api/v1/patients/" + id + "/infections/" + eventId)
                .then().statusCode(200)
                .body("cibmtrReportable", equalTo(false))
                .body("breakthroughOnProphylaxis", equalTo(false));

        given().auth().oauth2(coordinator).get("/api/v1/patients/" + id + "/infections")
                .then().statusCode(200).body("items", hasSize(2));
        given().auth().oauth2(coordinator).get("/api/v1/patients/" + id + "/infections/" + eventId)
                .then().statusCode(200).body("recorded.pathogenClass", equalTo("FUO"));
    }

    @Test
    void badRecordsAreRefusedAndOnlyTheCentersStaffKeepThem() {
        UUID center = UUID.randomUUID();
        String coordinator = Fixtures.coordinatorOf(center);
        String subject = Fixtures.unique("patient");
        String id = Fixtures.enroll(center, subject, TODAY.minusDays(20));
        String ok = bacteremia(TODAY.minusDays(8));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(ok.replace("BLOODSTREAM", "ELBOW"))
                .post("/api/v1/patients/" + id + "/infections").then().statusCode(400)
                .body("errors.field", hasItem("sites[0]"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(ok.replace("\"severityCtcae\":3", "\"severityCtcae\":6"))
                .post("/api/v1/patients/" + id + "/infections").then().statusCode(400);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(ok.replace("112283007", "E. coli"))
                .post("/api/v1/patients/" + id + "/infections").then().statusCode(400);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(bacteremia(TODAY.plusDays(2)))
                .post("/api/v1/patients/" + id + "/infections").then().statusCode(400);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(ok.replace("\"outcome\":\"ONGOING\"",
                        "\"outcome\":\"ONGOING\",\"sameInfectionOf\":\"" + UUID.randomUUID() + "\""))
                .post("/api/v1/patients/" + id + "/infections").then().statusCode(422);
        given().auth().oauth2(TestTokens.token(subject, "patient")).contentType(ContentType.JSON).body(ok)
                .post("/api/v1/patients/" + id + "/infections").then().statusCode(403);
        given().auth().oauth2(Fixtures.coordinatorOf(UUID.randomUUID())).contentType(ContentType.JSON).body(ok)
                .post("/api/v1/patients/" + id + "/infections").then().statusCode(404);
        given().auth().oauth2(coordinator).get("/api/v1/patients/" + id + "/infections")
                .then().statusCode(200).body("items", hasSize(0));
    }
}
