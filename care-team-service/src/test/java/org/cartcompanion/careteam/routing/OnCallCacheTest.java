package org.cartcompanion.careteam.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.cartcompanion.careteam.center.repository.CenterRepository;
import org.cartcompanion.careteam.clinician.Recipient;
import org.cartcompanion.careteam.oncall.service.OnCallCache;
import org.cartcompanion.careteam.oncall.service.Schedules;
import org.cartcompanion.careteam.support.Fixtures;
import org.cartcompanion.careteam.support.Fixtures.Person;
import org.cartcompanion.careteam.support.TestClock;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Routing keeps a center's on-call for a couple of seconds (every alert of a busy center asks). What it answers from what it
 * kept must be what a fresh read says: a change made through this service counts for the very next alert, and one it was not
 * told of (made through another replica) within the time to live.
 */
@QuarkusTest
class OnCallCacheTest {

    @Inject
    Pool pool;

    /** The service's clock: other tests move it forward, so times here are counted from it, not from the wall. */
    @Inject
    Clock clock;

    @Inject
    OnCallCache onCall;

    @Inject
    Schedules schedules;

    @Inject
    CenterRepository centers;

    @Inject
    MeterRegistry registry;

    @Test
    void aChangeMadeHereCountsForTheNextAlertAtOnce() {
        Staff s = Staff.of();
        UUID patient = UUID.randomUUID();
        assertThat(route(patient, s.center()).getList("onCall.PRIMARY"), empty());

        post(s.coordinator(), s.center(), "/rotations", """
                {"tier":"PRIMARY","clinicianIds":["%s"],"startDate":"%s","handoffTime":"08:00","lengthDays":7}"""
                .formatted(s.ana().id(), LocalDate.now(clock).minusDays(30)));
        assertThat(primary(patient, s.center()), contains(s.ana().id()));

        Instant now = clock.instant();
        String shift = given().auth().oauth2(s.coordinator().token()).contentType(ContentType.JSON).body("""
                {"clinicianId":"%s","tier":"PRIMARY","start":"%s","end":"%s"}""".formatted(s.ben().id(), now.minusSeconds(3600),
                now.plusSeconds(3600))).post("/api/v1/centers/" + s.center() + "/shifts").then().statusCode(201).extract()
                .path("id");
        assertThat("a shift saved a moment ago pages its clinician", primary(patient, s.center()), contains(s.ben().id()));

        given().auth().oauth2(s.ben().token()).contentType(ContentType.JSON).body("""
                [{"type":"SMS","address":"+15550123","delaySeconds":0}]""")
                .put("/api/v1/clinicians/" + s.ben().id() + "/contact-methods").then().statusCode(200);
        assertThat("how they want to be woken counts at once",
                route(patient, s.center()).getList("onCall.PRIMARY[0].contactMethods.type"), contains("SMS"));

        given().auth().oauth2(s.coordinator().token()).delete("/api/v1/centers/" + s.center() + "/shifts/" + shift).then()
                .statusCode(200);
        assertThat(primary(patient, s.center()), contains(s.ana().id()));

        given().auth().oauth2(s.coordinator().token()).delete("/api/v1/centers/" + s.center() + "/clinicians/" + s.ana().id())
                .then()
                .statusCode(204);
        assertThat("a clinician who left the center is never paged for it", primary(patient, s.center()), empty());
    }

    @Test
    void aChangeThisReplicaWasNotToldOfCountsWithinTheTimeToLive() throws Throwable {
        Staff s = Staff.of();
        UUID patient = UUID.randomUUID();
        post(s.coordinator(), s.center(), "/rotations", """
                {"tier":"PRIMARY","clinicianIds":["%s"],"startDate":"%s","handoffTime":"08:00","lengthDays":7}"""
                .formatted(s.ana().id(), LocalDate.now(clock).minusDays(30)));
        long before = System.nanoTime();
        assertThat(primary(patient, s.center()), contains(s.ana().id()));

        // Another replica saves a shift: its notice reaches that replica's cache, not this one's.
        Instant now = clock.instant();
        VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery("""
                INSERT INTO shift (id, center_id, clinician_id, tier, starts_at, ends_at, created_by, created_at)
                VALUES ($1, $2, $3, 'PRIMARY', $4, $5, 'another-replica', $6)""").execute(Tuple.tuple(List.of(
                UUID.randomUUID(), UUID.fromString(s.center()), UUID.fromString(s.ben().id()),
                OffsetDateTime.ofInstant(now.minusSeconds(3600), ZoneOffset.UTC),
                OffsetDateTime.ofInstant(now.plusSeconds(3600 * 5), ZoneOffset.UTC),
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))));
        List<String> soon = primary(patient, s.center());
        if (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before) < 1500) {
            assertThat("within the time to live the kept on-call answers", soon, contains(s.ana().id()));
        }

        TestClock.advance(Duration.ofSeconds(3));
        assertThat("after the time to live the change counts", primary(patient, s.center()), contains(s.ben().id()));
    }

    @Test
    void aQuestionAboutAnotherTimeIsAnsweredForThatTime() {
        Staff s = Staff.of();
        UUID patient = UUID.randomUUID();
        LocalDate today = LocalDate.now(clock);
        // Ana's week, then Ben's: asked about now and about next week in turn, each answer is that time's.
        post(s.coordinator(), s.center(), "/rotations", """
                {"tier":"PRIMARY","clinicianIds":["%s","%s"],"startDate":"%s","handoffTime":"08:00","lengthDays":7}"""
                .formatted(s.ana().id(), s.ben().id(), today.minusDays(1)));
        String nextWeek = OffsetDateTime.now(clock).plusDays(7).toString();
        assertThat(primary(patient, s.center()), contains(s.ana().id()));
        assertThat(given().auth().oauth2(Fixtures.service()).queryParam("disposition", "CENTER_NOW")
                .queryParam("centerId", s.center()).queryParam("at", nextWeek).get("/internal/v1/routing/patients/" + patient)
                .then().statusCode(200).extract().jsonPath().getList("onCall.PRIMARY.clinicianId"), contains(s.ben().id()));
        assertThat(primary(patient, s.center()), contains(s.ana().id()));
    }

    @Test
    void whatTheKeptOnCallAnswersIsWhatAFreshReadAnswersAtEveryInstantOfItsWindow() throws Throwable {
        Staff s = Staff.of();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        // Daily turns handed over in a few minutes, a shift starting and ending inside the window, a backup tier.
        ZonedDateTime handoff = now.plus(Duration.ofMinutes(3)).atZone(ZoneId.of("America/Chicago"))
                .truncatedTo(ChronoUnit.MINUTES);
        post(s.coordinator(), s.center(), "/rotations", """
                {"tier":"PRIMARY","clinicianIds":["%s","%s"],"startDate":"%s","handoffTime":"%s","lengthDays":1}"""
                .formatted(s.ana().id(), s.ben().id(), handoff.toLocalDate().minusDays(10), handoff.toLocalTime()));
        Person cara = Fixtures.person(s.center(), "NURSE");
        List<Instant> boundaries = new ArrayList<>(List.of(handoff.toInstant()));
        for (String[] shift : new String[][] { { "BACKUP", "1", "6" }, { "PRIMARY", "5", "7" } }) {
            Instant start = now.plus(Duration.ofMinutes(Long.parseLong(shift[1])));
            Instant end = now.plus(Duration.ofMinutes(Long.parseLong(shift[2])));
            post(s.coordinator(), s.center(), "/shifts", """
                    {"clinicianId":"%s","tier":"%s","start":"%s","end":"%s"}""".formatted(cara.id(), shift[0], start, end));
            boundaries.addAll(List.of(start, end));
        }

        UUID center = UUID.fromString(s.center());
        List<Instant> instants = new ArrayList<>();
        for (long second = -540; second <= 540; second += 15) {
            instants.add(now.plusSeconds(second));
        }
        for (Instant boundary : boundaries) {
            instants.addAll(List.of(boundary.minusNanos(1_000), boundary, boundary.plusNanos(1_000)));
        }
        Set<Object> seen = new HashSet<>();
        for (Instant at : instants) {
            Map<String, List<Recipient>> kept = VertxContextSupport.subscribeAndAwait(
                    () -> Panache.withSession(() -> onCall.at(center, at))).onCall();
            Map<String, List<Recipient>> fresh = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                    () -> centers.findById(center).flatMap(c -> schedules.onCall(c, at))));
            assertThat("on call at " + at, kept, equalTo(fresh));
            seen.add(kept);
        }
        assertThat("the window crosses hand-overs: several answers are compared", seen.size(), greaterThan(2));
    }

    @Test
    void routingCountsWhatItAnsweredFromTheKeptOnCall() {
        Staff s = Staff.of();
        UUID patient = UUID.randomUUID();
        double hits = gets("hit");
        double misses = gets("miss");
        long before = System.nanoTime();
        route(patient, s.center());
        assertThat("a center never routed before is read", gets("miss"), equalTo(misses + 1));
        route(patient, s.center());
        if (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before) < 1500) {
            assertThat("within the time to live the kept on-call answers", gets("hit"), equalTo(hits + 1));
            assertThat(gets("miss"), equalTo(misses + 1));
        }
    }

    private double gets(String result) {
        return registry.counter("cache.gets", "cache", "careteam-on-call", "result", result).count();
    }

    /** A new center with its coordinator and two physicians. */
    private record Staff(String center, Person coordinator, Person ana, Person ben) {
        static Staff of() {
            String center = Fixtures.createCenter();
            return new Staff(center, Fixtures.person(center, "COORDINATOR"), Fixtures.person(center, "PHYSICIAN"),
                    Fixtures.person(center, "PHYSICIAN"));
        }
    }

    private static void post(Person coordinator, String center, String path, String body) {
        given().auth().oauth2(coordinator.token()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/centers/" + center + path).then().statusCode(201);
    }

    private static List<String> primary(UUID patient, String center) {
        return route(patient, center).getList("onCall.PRIMARY.clinicianId");
    }

    private static JsonPath route(UUID patient, String center) {
        return given().auth().oauth2(Fixtures.service()).queryParam("disposition", "CENTER_NOW")
                .queryParam("centerId", center).get("/internal/v1/routing/patients/" + patient).then().statusCode(200)
                .body("centerId", equalTo(center)).extract().jsonPath();
    }
}
