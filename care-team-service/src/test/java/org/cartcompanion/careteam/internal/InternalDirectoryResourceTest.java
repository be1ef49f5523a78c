package org.cartcompanion.careteam.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cartcompanion.careteam.support.Fixtures;
import org.cartcompanion.careteam.support.OtherServices;
import org.cartcompanion.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class InternalDirectoryResourceTest {

    private static final String SERVICE = TestTokens.token("alert-service", "service");
    private static final String PATIENT_SERVICE = TestTokens.token("patient-service", "service");

    @Test
    void servicesReadMembershipsWithTheStaffFlag() {
        String center = Fixtures.createCenter();
        String other = Fixtures.createCenter();
        String subject = Fixtures.unique("community");
        String id = Fixtures.addClinician(center, subject, "COMMUNITY_PHYSICIAN");
        String nurse = Fixtures.unique("nurse");
        Fixtures.addClinician(other, nurse, "NURSE");

        given().auth().oauth2(SERVICE).get("/internal/v1/subjects/" + subject + "/memberships").then().statusCode(200)
                .body("clinicianId", equalTo(id)).body("memberships", hasSize(1))
                // What the readers' helpers work out (staff centers, centers that know the subject) is not on the wire.
                .body("keySet()", containsInAnyOrder("subject", "clinicianId", "memberships"))
                .body("memberships[0].centerId", equalTo(center))
                .body("memberships[0].role", equalTo("COMMUNITY_PHYSICIAN"))
                .body("memberships[0].staff", equalTo(false));
        given().auth().oauth2(SERVICE).get("/internal/v1/subjects/" + nurse + "/memberships").then().statusCode(200)
                .body("memberships[0].staff", equalTo(true));
        given().auth().oauth2(SERVICE).get("/internal/v1/subjects/nobody-" + UUID.randomUUID() + "/memberships").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void servicesReadACentersContact() {
        String center = Fixtures.createCenter();
        given().auth().oauth2(SERVICE).get("/internal/v1/centers/" + center).then().statusCode(200)
                .body("phone", equalTo("+15550199")).body("hotlineEmail", equalTo("hotline@example.org"));
        given().auth().oauth2(SERVICE).get("/internal/v1/centers/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void servicesReadWhatAPolicyMayName() {
        String center = Fixtures.createCenter();
        String physician = Fixtures.addClinician(center, Fixtures.unique("physician"), "PHYSICIAN");
        String community = Fixtures.addClinician(center, Fixtures.unique("community"), "COMMUNITY_PHYSICIAN");
        Fixtures.addClinician(Fixtures.createCenter(), Fixtures.unique("elsewhere"), "NURSE");
        given().auth().oauth2(SERVICE).get("/internal/v1/centers/" + center + "/escalation-targets").then().statusCode(200)
                .body("centerId", equalTo(center)).body("scheduledTiers", hasSize(0))
                .body("clinicians.clinicianId", containsInAnyOrder(physician, community))
                .body("clinicians.email", everyItem(notNullValue()));
        given().auth().oauth2(SERVICE).get("/internal/v1/centers/" + Fixtures.createCenter() + "/escalation-targets").then()
                .statusCode(200).body("clinicians", hasSize(0));
        given().auth().oauth2(SERVICE).get("/internal/v1/centers/" + UUID.randomUUID() + "/escalation-targets").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("someone", "coordinator"))
                .get("/internal/v1/centers/" + center + "/escalation-targets").then().statusCode(403);
    }

    @Test
    void servicesReadACentersCoordinators() {
        String center = Fixtures.createCenter();
        String coordinator = Fixtures.addClinician(center, Fixtures.unique("coordinator"), "COORDINATOR");
        Fixtures.addClinician(center, Fixtures.unique("physician"), "PHYSICIAN");
        Fixtures.addClinician(center, Fixtures.unique("community"), "COMMUNITY_PHYSICIAN");
        Fixtures.addClinician(Fixtures.createCenter(), Fixtures.unique("elsewhere"), "COORDINATOR");
        given().auth().oauth2(PATIENT_SERVICE).get("/internal/v1/centers/" + center + "/coordinators").then().statusCode(200)
                .body("centerId", equalTo(center))
                .body("centerName", notNullValue())
                .body("coordinators.clinicianId", contains(coordinator))
                .body("coordinators.email", everyItem(notNullValue()));
        given().auth().oauth2(PATIENT_SERVICE).get("/internal/v1/centers/" + Fixtures.createCenter() + "/coordinators").then()
                .statusCode(200).body("coordinators", hasSize(0));
        given().auth().oauth2(PATIENT_SERVICE).get("/internal/v1/centers/" + UUID.randomUUID() + "/coordinators").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("someone", "coordinator"))
                .get("/internal/v1/centers/" + center + "/coordinators").then().statusCode(403);
    }

    @Test
    void alertServiceReadsEachCentersPagingDirectoryAndIsToldWhenItChanges() {
        String center = Fixtures.createCenter();
        Fixtures.Person coordinator = Fixtures.person(center, "COORDINATOR");
        String first = Fixtures.addClinician(center, Fixtures.unique("first"), "PHYSICIAN");
        String second = Fixtures.addClinician(center, Fixtures.unique("second"), "PHYSICIAN");
        // Daily turns at 08:00 Chicago: the next 48 h hold two or three of them, alternating, back to back.
        given().auth().oauth2(coordinator.token()).contentType(ContentType.JSON).body("""
                {"tier":"PRIMARY","clinicianIds":["%s","%s"],"startDate":"%s","handoffTime":"08:00","lengthDays":1}"""
                .formatted(first, second, LocalDate.now(ZoneId.of("America/Chicago")).minusDays(3)))
                .post("/api/v1/centers/" + center + "/rotations").then().statusCode(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> OtherServices.server().verify(
                postRequestedFor(urlPathEqualTo("/internal/v1/center-directories/" + center + "/refresh"))));

        JsonPath directory = given().auth().oauth2(SERVICE).get("/internal/v1/centers/" + center + "/paging-directory")
                .then().statusCode(200).body("centerId", equalTo(center)).body("hotlineEmail", equalTo("hotline@example.org"))
                .body("phone", equalTo("+15550199")).body("timeZone", equalTo("America/Chicago"))
                .body("clinicians.clinicianId", hasItems(first, second, coordinator.id()))
                .extract().jsonPath();
        Instant from = Instant.parse(directory.getString("from"));
        Instant until = Instant.parse(directory.getString("until"));
        assertThat(Duration.between(from, until), equalTo(Duration.ofHours(48)));
        List<Map<String, Object>> turns = directory.getList("onCall");
        assertThat(turns.size(), greaterThanOrEqualTo(2));
        assertThat(turns.stream().map(t -> t.get("tier")).distinct().toList(), contains("PRIMARY"));
        Instant expected = from;
        String previous = null;
        for (Map<String, Object> turn : turns) {
            assertThat(Instant.parse((String) turn.get("start")), equalTo(expected));
            expected = Instant.parse((String) turn.get("end"));
            @SuppressWarnings("unchecked")
            String holder = (String) ((Map<String, Object>) turn.get("recipient")).get("clinicianId");
            assertThat(holder, not(equalTo(previous)));
            assertThat(List.of(first, second), hasItem(holder));
            previous = holder;
        }
        assertThat(expected, equalTo(until));

        // The periodic refresh reads every center's, page after page.
        boolean found = false;
        String cursor = null;
        do {
            JsonPath page = given().auth().oauth2(SERVICE).queryParam("limit", 100)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/internal/v1/paging-directories").then()
                    .statusCode(200).extract().jsonPath();
            found |= page.getList("items.centerId").contains(center);
            cursor = page.getString("nextCursor");
        } while (cursor != null && !found);
        assertThat(found, equalTo(true));
        given().auth().oauth2(SERVICE).get("/internal/v1/centers/" + UUID.randomUUID() + "/paging-directory").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(coordinator.token()).get("/internal/v1/centers/" + center + "/paging-directory").then()
                .statusCode(403);
    }

    @Test
    void onlyTheServiceRoleMayCallInternalEndpoints() {
        String center = Fixtures.createCenter();
        for (String role : new String[] { "admin", "coordinator", "clinician", "patient", "caregiver",
                "community-physician" }) {
            given().auth().oauth2(TestTokens.token("user-" + role, role)).get("/internal/v1/centers/" + center).then()
                    .statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void onlyANamedServiceCallsAnInternalEndpointAndNoUserTokenIsOne() {
        String center = Fixtures.createCenter();
        // patient-service reads coordinators; alert-service does not.
        given().auth().oauth2(SERVICE).get("/internal/v1/centers/" + center + "/coordinators").then().statusCode(403)
                .contentType("application/problem+json");
        // alert-service reads paging directories; patient-service does not.
        given().auth().oauth2(PATIENT_SERVICE).get("/internal/v1/centers/" + center + "/paging-directory").then()
                .statusCode(403);
        given().auth().oauth2(SERVICE).get("/internal/v1/centers/" + center + "/paging-directory").then().statusCode(200);
        // The identity provider's token with the service group is no service.
        given().auth().oauth2(TestTokens.fromIdp("alert-service", "service"))
                .get("/internal/v1/centers/" + center + "/paging-directory").then().statusCode(403);
        // The services' key makes only a known service's token.
        for (String forged : java.util.List.of(TestTokens.withServiceKey("admin-1", "admin"),
                TestTokens.withServiceKey("alert-service", "service", "coordinator"),
                TestTokens.withServiceKey("reporting-service", "service"))) {
            given().auth().oauth2(forged).get("/internal/v1/centers/" + center + "/paging-directory").then()
                    .statusCode(401).contentType("application/problem+json");
            given().auth().oauth2(forged).get("/api/v1/centers/" + center).then().statusCode(401);
        }
    }
}
