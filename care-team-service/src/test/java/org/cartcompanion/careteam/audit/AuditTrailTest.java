package org.cartcompanion.careteam.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.cartcompanion.careteam.support.Fixtures;
import org.cartcompanion.careteam.support.Fixtures.Person;
import org.cartcompanion.careteam.support.OtherServices;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Hand-off summaries, care teams and internal reads of them are on the patient's trail, which only grows. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    Pool pool;

    @Test
    void readsOfHandoffsAndCareTeamsAreRecordedAndTheCoordinatorReadsThem() {
        String center = Fixtures.createCenter();
        Person coordinator = Fixtures.person(center, "COORDINATOR");
        Person nurse = Fixtures.person(center, "NURSE");
        Person gp = Fixtures.person(center, "COMMUNITY_PHYSICIAN");
        UUID patient = OtherServices.patient(center, 40);
        Person physician = Fixtures.person(center, "PHYSICIAN");
        Fixtures.putCareTeam(coordinator, center, patient, "CENTER_LED", physician.id() + ":PHYSICIAN").statusCode(200);
        String handoff = Fixtures.handoff(coordinator, patient, gp, "SHARED");
        given().auth().oauth2(gp.token()).get("/api/v1/handoffs/" + handoff).then().statusCode(200);
        given().auth().oauth2(Fixtures.service()).get("/internal/v1/care-teams/" + patient).then().statusCode(200);

        List<String> seen = given().auth().oauth2(coordinator.token()).queryParam("patientId", patient.toString())
                .queryParam("limit", 100).get("/api/v1/audit-events").then().statusCode(200).extract().jsonPath()
                .getList("items.collect { it.actor + ' ' + it.action + ' ' + it.outcome }");
        assertThat(seen, hasItem(coordinator.subject() + " HandoffResource.create ALLOWED"));
        assertThat(seen, hasItem(coordinator.subject() + " CareTeamResource.put ALLOWED"));
        assertThat(seen, hasItem(gp.subject() + " HandoffResource.get ALLOWED"));
        assertThat(seen, hasItem("alert-service InternalDirectoryResource.careTeam ALLOWED"));
        String csv = given().auth().oauth2(Fixtures.ADMIN).accept("text/csv").queryParam("patientId", patient.toString())
                .get("/api/v1/audit-events").then().statusCode(200).extract().asString();
        assertThat(csv, containsString("," + gp.subject() + ",community-physician,HandoffResource.get,GET,"));

        given().auth().oauth2(nurse.token()).queryParam("patientId", patient.toString()).get("/api/v1/audit-events").then()
                .statusCode(403);
        Person elsewhere = Fixtures.person(Fixtures.createCenter(), "COORDINATOR");
        given().auth().oauth2(elsewhere.token()).queryParam("patientId", patient.toString()).get("/api/v1/audit-events")
                .then().statusCode(404).contentType("application/problem+json");

        Throwable refused = assertThrows(Throwable.class, () -> VertxContextSupport.subscribeAndAwait(() -> pool
                .preparedQuery("DELETE FROM audit_event WHERE patient_id = $1").execute(Tuple.of(patient))));
        assertThat(refused.getMessage(), containsString("append-only"));
    }
}
