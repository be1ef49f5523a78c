package org.cartcompanion.careteam.oncall;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.cartcompanion.careteam.support.Fixtures;
import org.cartcompanion.careteam.support.Fixtures.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class OnCallResourceTest {

    private String center;
    private Person coordinator;
    private Person ana;
    private Person ben;
    private Person cara;

    @BeforeEach
    void center() {
        center = Fixtures.createCenter();
        coordinator = Fixtures.person(center, "COORDINATOR");
        ana = Fixtures.person(center, "PHYSICIAN");
        ben = Fixtures.person(center, "PHYSICIAN");
        cara = Fixtures.person(center, "NURSE");
    }

    private ValidatableResponse post(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/centers/" + center + path).then();
    }

    private ValidatableResponse dailyPrimary(String start, String... members) {
        return post(coordinator.token(), "/rotations", """
                {"tier":"PRIMARY","clinicianIds":[%s],"startDate":"%s","handoffTime":"08:00","lengthDays":1}"""
                .formatted(String.join(",", List.of(members).stream().map(m -> "\"" + m + "\"").toList()), start));
    }

    private String primaryAt(String at) {
        List<String> ids = given().auth().oauth2(ana.token()).queryParam("at", at)
                .get("/api/v1/centers/" + center + "/on-call").then().statusCode(200).extract()
                .path("tiers.PRIMARY.clinicianId");
        return ids.isEmpty() ? null : ids.get(0);
    }

    @Test
    void aDailyRotationChangesHandsAtEightLocalOnBothSidesOfTheUsChanges() {
        dailyPrimary("2026-01-01", ana.id(), ben.id()).statusCode(201);
        // 1 Jan is Ana's (turn 0); 7 March is turn 65 (Ben's), 8 March (clocks go from 02:00 CST to 03:00 CDT) Ana's from
        // 08:00 CDT, 9 March Ben's.
        assertThat(primaryAt("2026-03-08T01:59:59-06:00"), equalTo(ben.id()));
        assertThat(primaryAt("2026-03-08T07:59:59-05:00"), equalTo(ben.id()));
        assertThat(primaryAt("2026-03-08T08:00:00-05:00"), equalTo(ana.id()));
        assertThat(primaryAt("2026-03-09T07:59:59-05:00"), equalTo(ana.id()));
        assertThat(primaryAt("2026-03-09T08:00:00-05:00"), equalTo(ben.id()));
        // 1 November (CDT→CST) is turn 304: Ana's from 08:00 CST; before that, Ben's.
        assertThat(primaryAt("2026-11-01T07:59:00-06:00"), equalTo(ben.id()));
        assertThat(primaryAt("2026-11-01T08:00:00-06:00"), equalTo(ana.id()));
        assertThat(primaryAt("2026-10-31T08:00:00-05:00"), equalTo(ben.id()));
    }

    @Test
    void savingARotationWarnsOfTheTierLeftUncoveredAndOnCallNamesThePeople() {
        dailyPrimary("2026-01-01", ana.id(), ben.id()).statusCode(201).body("tier", equalTo("PRIMARY"))
                .body("handoffTime", equalTo("08:00")).body("coverageGaps.tier", contains("BACKUP"))
                .body("warnings[0]", containsString("BACKUP has nobody on call"));
        post(coordinator.token(), "/rotations", """
                {"tier":"BACKUP","clinicianIds":["%s"],"startDate":"2026-01-01","handoffTime":"08:00","lengthDays":7}"""
                .formatted(cara.id())).statusCode(201).body("coverageGaps", empty()).body("warnings", empty());

        given().auth().oauth2(ana.token()).get("/api/v1/centers/" + center + "/on-call").then().statusCode(200)
                .body("tiers.BACKUP[0].clinicianId", equalTo(cara.id()))
                .body("tiers.BACKUP[0].email", equalTo(cara.subject() + "@example.org"))
                .body("tiers.PRIMARY", hasSize(1));
        given().auth().oauth2(coordinator.token()).get("/api/v1/centers/" + center + "/rotations").then()
                .statusCode(200).body("items", hasSize(2)).body("items[0].clinicianIds", contains(ana.id(), ben.id()));
        given().auth().oauth2(Fixtures.service()).get("/internal/v1/centers/" + center + "/escalation-targets").then()
                .statusCode(200).body("scheduledTiers", contains("PRIMARY", "BACKUP"));
    }

    @Test
    void aShiftOverridesTheRotationWhileItLasts() {
        dailyPrimary("2026-01-01", ana.id()).statusCode(201);
        post(coordinator.token(), "/shifts", """
                {"clinicianId":"%s","tier":"PRIMARY","start":"2027-02-10T18:00:00-06:00","end":"2027-02-11T06:00:00-06:00"}"""
                .formatted(cara.id())).statusCode(201).body("clinicianId", equalTo(cara.id()));
        assertThat(primaryAt("2027-02-10T17:59:59-06:00"), equalTo(ana.id()));
        assertThat(primaryAt("2027-02-10T18:00:00-06:00"), equalTo(cara.id()));
        assertThat(primaryAt("2027-02-11T05:59:59-06:00"), equalTo(cara.id()));
        assertThat(primaryAt("2027-02-11T06:00:00-06:00"), equalTo(ana.id()));
        given().auth().oauth2(cara.token()).queryParam("from", "2027-02-10T00:00:00Z").queryParam("to", "2027-02-12T00:00:00Z")
                .get("/api/v1/centers/" + center + "/shifts").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void overlappingEmptyAndUnknownShiftsAreRefusedWithTheReason() {
        String shift = """
                {"clinicianId":"%s","tier":"PRIMARY","start":"%s","end":"%s"}""";
        post(coordinator.token(), "/shifts", shift.formatted(ana.id(), "2027-03-01T08:00:00Z", "2027-03-01T20:00:00Z"))
                .statusCode(201);
        post(coordinator.token(), "/shifts", shift.formatted(ben.id(), "2027-03-01T19:00:00Z", "2027-03-02T08:00:00Z"))
                .statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("start"))
                .body("errors[0].message", containsString("overlaps another PRIMARY shift"));
        // Touching is not overlapping; another tier may overlap.
        post(coordinator.token(), "/shifts", shift.formatted(ben.id(), "2027-03-01T20:00:00Z", "2027-03-02T08:00:00Z"))
                .statusCode(201);
        post(coordinator.token(), "/shifts", """
                {"clinicianId":"%s","tier":"BACKUP","start":"2027-03-01T09:00:00Z","end":"2027-03-01T10:00:00Z"}"""
                .formatted(cara.id())).statusCode(201);
        post(coordinator.token(), "/shifts", shift.formatted(ana.id(), "2027-04-01T08:00:00Z", "2027-04-01T08:00:00Z"))
                .statusCode(422).body("errors[0].field", equalTo("end"));
        post(coordinator.token(), "/shifts", shift.formatted(ana.id(), "2027-04-01T08:00:00Z", "2027-04-01T07:00:00Z"))
                .statusCode(422);
        post(coordinator.token(), "/shifts", shift.formatted(java.util.UUID.randomUUID(), "2027-05-01T08:00:00Z",
                "2027-05-01T09:00:00Z")).statusCode(422).body("errors[0].message", containsString("not a clinician"));
        post(coordinator.token(), "/shifts", """
                {"clinicianId":"%s","tier":"TERTIARY","start":"2027-05-01T08:00:00Z","end":"2027-05-01T09:00:00Z"}"""
                .formatted(ana.id())).statusCode(400);
        given().auth().oauth2(coordinator.token()).queryParam("from", "2027-03-01T00:00:00Z")
                .queryParam("to", "2027-06-01T00:00:00Z").get("/api/v1/centers/" + center + "/shifts").then()
                .body("items", hasSize(3));
    }

    @Test
    void badRotationsAreRefusedWithTheReason() {
        String rotation = """
                {"tier":"PRIMARY","clinicianIds":%s,"startDate":"2026-12-01","handoffTime":"%s","lengthDays":%d}""";
        post(coordinator.token(), "/rotations", rotation.formatted("[]", "08:00", 7)).statusCode(400)
                .body("errors[0].message", containsString("at least one clinician"));
        post(coordinator.token(), "/rotations", rotation.formatted("[\"" + ana.id() + "\"]", "8am", 7)).statusCode(400);
        post(coordinator.token(), "/rotations", rotation.formatted("[\"" + ana.id() + "\"]", "08:00", 0)).statusCode(400);
        post(coordinator.token(), "/rotations",
                rotation.formatted("[\"" + ana.id() + "\",\"" + java.util.UUID.randomUUID() + "\"]", "08:00", 7))
                        .statusCode(422).body("errors[0].field", equalTo("clinicianIds[1]"));
        Person community = Fixtures.person(center, "COMMUNITY_PHYSICIAN");
        post(coordinator.token(), "/rotations", rotation.formatted("[\"" + community.id() + "\"]", "08:00", 7))
                .statusCode(422).body("errors[0].message", containsString("community physician"));
        given().auth().oauth2(coordinator.token()).get("/api/v1/centers/" + center + "/rotations").then()
                .body("items", empty());
        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"name":"X","timeZone":"Mars/Olympus","phone":"+15550199","hotlineEmail":"h@example.org"}""")
                .post("/api/v1/centers").then().statusCode(400).body("detail", containsString("time zone"));
    }

    @Test
    void coverageGapsListWhereATierHasNobody() {
        post(coordinator.token(), "/rotations", """
                {"tier":"PRIMARY","clinicianIds":["%s"],"startDate":"2027-01-04","handoffTime":"08:00","lengthDays":7,
                 "endDate":"2027-01-18"}""".formatted(ana.id())).statusCode(201);
        post(coordinator.token(), "/shifts", """
                {"clinicianId":"%s","tier":"PRIMARY","start":"2027-01-20T08:00:00-06:00","end":"2027-01-21T08:00:00-06:00"}"""
                .formatted(ben.id())).statusCode(201);
        ValidatableResponse gaps = given().auth().oauth2(ana.token()).queryParam("from", "2027-01-01T00:00:00-06:00")
                .queryParam("to", "2027-01-25T00:00:00-06:00").get("/api/v1/centers/" + center + "/coverage-gaps")
                .then().statusCode(200);
        gaps.body("items.tier", contains("PRIMARY", "PRIMARY", "PRIMARY", "BACKUP"));
        gaps.body("items[0].start", equalTo("2027-01-01T06:00:00Z")).body("items[0].end", equalTo("2027-01-04T14:00:00Z"));
        gaps.body("items[1].start", equalTo("2027-01-18T14:00:00Z")).body("items[1].end", equalTo("2027-01-20T14:00:00Z"));
        gaps.body("items[2].start", equalTo("2027-01-21T14:00:00Z")).body("items[2].end", equalTo("2027-01-25T06:00:00Z"));
        given().auth().oauth2(ana.token()).queryParam("from", "2027-01-01T00:00:00Z").queryParam("to", "2027-09-01T00:00:00Z")
                .get("/api/v1/centers/" + center + "/coverage-gaps").then().statusCode(400);
        given().auth().oauth2(ana.token()).queryParam("from", "yesterday")
                .get("/api/v1/centers/" + center + "/coverage-gaps").then().statusCode(400)
                .body("detail", containsString("from must be an ISO-8601 instant"));
    }

    @Test
    void deletingAShiftReportsTheGapItLeaves() {
        dailyPrimary("2026-01-01", ana.id()).statusCode(201);
        post(coordinator.token(), "/rotations", """
                {"tier":"BACKUP","clinicianIds":["%s"],"startDate":"2026-01-01","handoffTime":"08:00","lengthDays":7}"""
                .formatted(ben.id())).statusCode(201);
        String rotation = given().auth().oauth2(coordinator.token()).get("/api/v1/centers/" + center + "/rotations")
                .then().extract().path("items.find { it.tier == 'BACKUP' }.id");
        given().auth().oauth2(coordinator.token()).delete("/api/v1/centers/" + center + "/rotations/" + rotation).then()
                .statusCode(200).body("coverageGaps.tier", contains("BACKUP"));
        given().auth().oauth2(coordinator.token()).delete("/api/v1/centers/" + center + "/rotations/" + rotation).then()
                .statusCode(404);
    }

    @Test
    void aClinicianReadsTheirOwnCalendarAndOnlyACoordinatorAnothers() {
        dailyPrimary(java.time.LocalDate.now().minusDays(3).toString(), ana.id(), ben.id()).statusCode(201);
        String ics = given().auth().oauth2(ana.token())
                .get("/api/v1/centers/" + center + "/clinicians/" + ana.id() + "/on-call.ics").then().statusCode(200)
                .contentType(containsString("text/calendar")).extract().asString();
        assertThat(ics, containsString("BEGIN:VCALENDAR\r\n"));
        assertThat(ics, containsString("SUMMARY:PRIMARY on call"));
        assertThat(ics.split("BEGIN:VEVENT").length - 1, equalTo(ics.split("END:VEVENT").length - 1));
        assertThat(List.of(ics.split("\r\n")), not(hasItem(containsString(ben.subject()))));
        given().auth().oauth2(ben.token()).get("/api/v1/centers/" + center + "/clinicians/" + ana.id() + "/on-call.ics")
                .then().statusCode(403);
        given().auth().oauth2(coordinator.token())
                .get("/api/v1/centers/" + center + "/clinicians/" + ana.id() + "/on-call.ics").then().statusCode(200);
    }

    @Test
    void rolesAndOtherCentersData() {
        String rotation = """
                {"tier":"PRIMARY","clinicianIds":["%s"],"startDate":"2026-01-01","handoffTime":"08:00","lengthDays":1}"""
                .formatted(ana.id());
        post(ana.token(), "/rotations", rotation).statusCode(403);
        String other = Fixtures.createCenter();
        Person otherCoordinator = Fixtures.person(other, "COORDINATOR");
        Person otherClinician = Fixtures.person(other, "PHYSICIAN");
        post(otherCoordinator.token(), "/rotations", rotation).statusCode(404);
        given().auth().oauth2(otherClinician.token()).get("/api/v1/centers/" + center + "/on-call").then().statusCode(404);
        given().auth().oauth2(otherClinician.token()).get("/api/v1/centers/" + center + "/coverage-gaps").then()
                .statusCode(404);
        given().auth().oauth2(otherClinician.token()).get("/api/v1/centers/" + center + "/rotations").then()
                .statusCode(404);
        given().auth().oauth2(otherClinician.token())
                .get("/api/v1/centers/" + center + "/clinicians/" + ana.id() + "/on-call.ics").then().statusCode(404);
        given().auth().oauth2(ana.token()).get("/api/v1/centers/" + center + "/on-call").then().statusCode(200);
        String shift = post(coordinator.token(), "/shifts", """
                {"clinicianId":"%s","tier":"BACKUP","start":"2027-06-01T08:00:00Z","end":"2027-06-01T20:00:00Z"}"""
                .formatted(ben.id())).statusCode(201).extract().path("id");
        given().auth().oauth2(otherCoordinator.token()).delete("/api/v1/centers/" + center + "/shifts/" + shift).then()
                .statusCode(404);
        given().auth().oauth2(otherCoordinator.token()).delete("/api/v1/centers/" + other + "/shifts/" + shift).then()
                .statusCode(404);
        given().auth().oauth2(otherClinician.token()).queryParam("from", "2027-06-01T00:00:00Z")
                .get("/api/v1/centers/" + center + "/shifts").then().statusCode(404);
        given().auth().oauth2(ana.token()).delete("/api/v1/centers/" + center + "/shifts/" + shift).then().statusCode(403);
        given().auth().oauth2(coordinator.token()).delete("/api/v1/centers/" + center + "/shifts/" + shift).then()
                .statusCode(200);
        Person community = Fixtures.person(center, "COMMUNITY_PHYSICIAN");
        given().auth().oauth2(community.token()).get("/api/v1/centers/" + center + "/on-call").then().statusCode(200);
        given().auth().oauth2(community.token()).get("/api/v1/centers/" + center + "/rotations").then().statusCode(403);
    }
}
