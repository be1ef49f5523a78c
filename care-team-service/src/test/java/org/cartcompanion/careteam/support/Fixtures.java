package org.cartcompanion.careteam.support;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import org.cartcompanion.support.testing.TestTokens;

import io.restassured.http.ContentType;

/** Builds the data a test needs through the public API, with fresh names and subjects each time. */
public final class Fixtures {

    public static final String ADMIN = TestTokens.token("admin-1", "admin");

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public static String centerJson(String name) {
        return """
                {"name":"%s","timeZone":"America/Chicago","phone":"+15550199","hotlineEmail":"hotline@example.org"}"""
                .formatted(name);
    }

    public static String createCenter() {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(centerJson(unique("Center")))
                .post("/api/v1/centers").then().statusCode(201).extract().path("id");
    }

    public static String clinicianJson(String subject, String role) {
        return """
                {"subject":"%s","name":"Dr. %s","email":"%s@example.org","phone":"+15550111","role":"%s"}"""
                .formatted(subject, subject, subject, role);
    }

    /** Adds a clinician (as admin) and returns their id. */
    public static String addClinician(String centerId, String subject, String role) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(clinicianJson(subject, role))
                .post("/api/v1/centers/" + centerId + "/clinicians").then().statusCode(201).extract().path("id");
    }

    /** A clinician known to a center: their id, IdP subject and a token carrying their JWT role. */
    public record Person(String id, String subject, String token) {
    }

    /** Adds a clinician to the center in this center role and mints their token with the matching JWT group. */
    public static Person person(String centerId, String role) {
        String subject = unique(role.toLowerCase());
        String id = addClinician(centerId, subject, role);
        String group = switch (role) {
        case "COORDINATOR" -> "coordinator";
        case "COMMUNITY_PHYSICIAN" -> "community-physician";
        default -> "clinician";
        };
        return new Person(id, subject, TestTokens.token(subject, group));
    }

    /** A service token, for {@code /internal/**}. */
    public static String service() {
        return TestTokens.token("alert-service", "service");
    }

    /** Saves a CENTER_LED care team naming these members ({@code clinicianId:ROLE}) and answers the response. */
    public static io.restassured.response.ValidatableResponse putCareTeam(Person coordinator, String centerId,
            java.util.UUID patientId, String phase, String... members) {
        String list = java.util.Arrays.stream(members).map(m -> m.split(":"))
                .map(m -> "{\"clinicianId\":\"%s\",\"role\":\"%s\"}".formatted(m[0], m[1]))
                .collect(java.util.stream.Collectors.joining(","));
        return given().auth().oauth2(coordinator.token()).contentType(ContentType.JSON).body("""
                {"centerId":"%s","phase":"%s","members":[%s]}""".formatted(centerId, phase, list))
                .put("/api/v1/care-teams/" + patientId).then();
    }

    /** Proposes a hand-off of the patient to this community physician; answers its id. */
    public static String handoff(Person sender, java.util.UUID patientId, Person receiver, String toPhase) {
        return given().auth().oauth2(sender.token()).contentType(ContentType.JSON).body("""
                {"patientId":"%s","toClinicianId":"%s","toPhase":"%s","summary":"Stable, ANC recovered, plan attached."}"""
                .formatted(patientId, receiver.id(), toPhase)).post("/api/v1/handoffs").then().statusCode(201).extract()
                .path("id");
    }

    /** Moves the patient's care to {@code toPhase} the only way there is: a hand-off the physician accepts. */
    public static void acceptedHandoff(Person sender, java.util.UUID patientId, Person receiver, String toPhase) {
        String id = handoff(sender, patientId, receiver, toPhase);
        given().auth().oauth2(receiver.token()).post("/api/v1/handoffs/" + id + "/accept").then().statusCode(200);
    }
}
