package org.cartcompanion.patient.me;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.cartcompanion.patient.support.CareTeamStub;
import org.cartcompanion.patient.support.Fixtures;
import org.cartcompanion.support.testing.TestKeys;
import org.cartcompanion.support.testing.TestTokens;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MeResourceTest {

    private static final LocalDate TODAY_CHICAGO = LocalDate.now(ZoneId.of("America/Chicago"));

    @Test
    void aPatientSeesThemselfWithTheirCenter() {
        UUID center = UUID.randomUUID();
        CareTeamStub.center(center, "Riverside CAR-T Center", "+15550199");
        String subject = Fixtures.unique("patient");
        String id = Fixtures.enroll(center, subject, TODAY_CHICAGO.minusDays(5));

        given().auth().oauth2(TestTokens.token(subject, "patient")).get("/api/v1/me").then().statusCode(200)
                .body("subject", equalTo(subject)).body("roles", contains("patient")).body("patients", hasSize(1))
                .body("patients[0].id", equalTo(id)).body("patients[0].dayPostInfusion", equalTo(5))
                .body("patients[0].phase", equalTo("P1_ACUTE")).body("patients[0].nextCheckInDue", notNullValue())
                .body("patients[0].center.name", equalTo("Riverside CAR-T Center"))
                .body("patients[0].center.phone", equalTo("+15550199"));
    }

    @Test
    void aCaregiverSeesEveryLinkedPatientAndNoOther() {
        UUID center = UUID.randomUUID();
        CareTeamStub.center(center, "Riverside CAR-T Center", "+15550199");
        String caregiver = Fixtures.unique("cg");
        String first = Fixtures.unique("patient");
        String second = Fixtures.unique("patient");
        String firstId = Fixtures.enroll(center, first, TODAY_CHICAGO.minusDays(40));
        String secondId = Fixtures.enroll(center, second, TODAY_CHICAGO.minusDays(2));
        Fixtures.enroll(center, Fixtures.unique("patient"), TODAY_CHICAGO);
        Fixtures.linkCaregiver(firstId, first, caregiver);
        Fixtures.linkCaregiver(secondId, second, caregiver);

        given().auth().oauth2(TestTokens.token(caregiver, "caregiver")).get("/api/v1/me").then().statusCode(200)
                .body("patients.id", contains(firstId, secondId)).body("patients[0].phase", equalTo("P3_INTERMEDIATE"));
    }

    @Test
    void anUnknownUserGetsAnEmptyList() {
        given().auth().oauth2(TestTokens.token(Fixtures.unique("nobody"), "patient")).get("/api/v1/me").then()
                .statusCode(200).body("patients", hasSize(0));
    }

    @Test
    void careTeamServiceDownIs503ForMembershipChecksNotAGuess() {
        UUID center = UUID.randomUUID();
        String coordinator = Fixtures.unique("coord");
        CareTeamStub.server()
                .stubFor(WireMock.get(WireMock.urlPathEqualTo("/internal/v1/subjects/" + coordinator + "/memberships"))
                        .willReturn(WireMock.aResponse().withStatus(500)));
        given().auth().oauth2(TestTokens.token(coordinator, "coordinator")).contentType("application/json")
                .body(Fixtures.enrollmentJson(center, Fixtures.unique("patient"), TODAY_CHICAGO))
                .post("/api/v1/patients").then().statusCode(503).contentType("application/problem+json");
    }

    @Test
    void serviceCallsCarryAServiceTokenSignedByThisService() throws Exception {
        UUID center = UUID.randomUUID();
        String coordinator = Fixtures.unique("coord");
        CareTeamStub.staff(coordinator, center, "COORDINATOR");
        given().auth().oauth2(TestTokens.token(coordinator, "coordinator"))
                .contentType("application/json")
                .body(Fixtures.enrollmentJson(center, Fixtures.unique("patient"), TODAY_CHICAGO))
                .post("/api/v1/patients")
                .then().statusCode(201);

        LoggedRequest call = CareTeamStub.server()
                .findAll(WireMock
                        .getRequestedFor(WireMock.urlPathEqualTo("/internal/v1/subjects/" + coordinator + "/memberships")))
                .get(0);
        String bearer = call.getHeader("Authorization").substring("Bearer ".length());
        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKey(TestKeys.trustedPublic())
                .setExpectedIssuer(TestKeys.ISSUER)
                .setExpectedAudience(TestKeys.AUDIENCE)
                .setRequireExpirationTime()
                .build()
                .processToClaims(bearer);
        assertEquals(List.of("service"), claims.getStringListClaimValue("groups"));
        assertEquals("patient-service", claims.getSubject());
    }
}
