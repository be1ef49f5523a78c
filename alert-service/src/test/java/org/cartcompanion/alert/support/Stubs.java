package org.cartcompanion.alert.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Plays the internal contracts this service calls: care-team-service (routing, escalation targets, memberships, care teams) and
 * patient-service (a subject's patients). Tests register what they need with fresh ids.
 */
public class Stubs implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    /** The SMS and voice provider's account here (WireMock plays it); its token signs the provider's callbacks. */
    public static final String SMS_ACCOUNT = "ACtest0000000000";
    public static final String SMS_TOKEN = "test-provider-auth-token";
    public static final String SMS_FROM = "+15550001000";
    public static final String SMS_INBOUND_URL = "https://alerts.hospital.example/api/v1/sms/inbound";
    public static final String VOICE_URL = "https://alerts.hospital.example/api/v1/voice/gather";

    /**
     * A person as care-team-service names them, with a phone of their own and, when set, their contact methods (a JSON array as
     * care-team-service answers it).
     */
    public record Person(UUID clinicianId, String name, String email, String subject, String phone, String contactMethods) {

        public static Person fresh(String label) {
            UUID id = UUID.randomUUID();
            String tag = id.toString().substring(0, 8);
            String phone = "+1555" + String.format("%07d", (id.getLeastSignificantBits() & Long.MAX_VALUE) % 10_000_000L);
            return new Person(id, "Dr " + label + " " + tag, label.toLowerCase() + "-" + tag + "@hospital.example",
                    label.toLowerCase() + "-" + tag, phone, null);
        }

        /** The same person woken as {@code methods} say: {@code "SMS 0", "VOICE 120", "EMAIL 0"} (their own addresses). */
        public Person wokenBy(String... methods) {
            return withMethods(java.util.Arrays.stream(methods).map(m -> {
                String[] parts = m.split(" ");
                return method(parts[0], parts[0].equals("EMAIL") ? email : phone, Integer.parseInt(parts[1]));
            }).toList());
        }

        /** The same person with these contact methods (each from {@link #method}). */
        public Person withMethods(List<String> methods) {
            return new Person(clinicianId, name, email, subject, phone, "[" + String.join(",", methods) + "]");
        }

        public static String method(String type, String address, int delaySeconds) {
            return """
                    {"type":"%s","address":"%s","delaySeconds":%d}""".formatted(type, address, delaySeconds);
        }

        String json() {
            return """
                    {"clinicianId":"%s","name":"%s","email":"%s","phone":"%s"%s}""".formatted(clinicianId, name, email, phone,
                    contactMethods == null ? "" : ",\"contactMethods\":" + contactMethods);
        }
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        acceptEverySms();
        return Map.of("quarkus.rest-client.care-team-service.url", server.baseUrl(),
                "quarkus.rest-client.patient-service.url", server.baseUrl(),
                "alert.directory.cache-ttl", "PT0.2S",
                "alert.directory.routing-cache-ttl", "PT0.2S",
                "alert.sms.base-url", server.baseUrl(),
                "alert.sms.account-sid", SMS_ACCOUNT,
                "alert.sms.auth-token", SMS_TOKEN,
                "alert.sms.from", SMS_FROM,
                "alert.sms.inbound-url", SMS_INBOUND_URL);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static WireMockServer server() {
        return server;
    }

    /** The provider takes every SMS and call (the default); a test may answer one number otherwise. */
    public static void acceptEverySms() {
        server.stubFor(post(urlPathEqualTo("/2010-04-01/Accounts/" + SMS_ACCOUNT + "/Messages.json")).atPriority(10)
                .willReturn(json("{\"sid\":\"SM{{randomValue length=32 type='HEXADECIMAL'}}\",\"status\":\"queued\"}")
                        .withStatus(201).withTransformers("response-template")));
        server.stubFor(post(urlPathEqualTo("/2010-04-01/Accounts/" + SMS_ACCOUNT + "/Calls.json")).atPriority(10)
                .willReturn(json("{\"sid\":\"CA{{randomValue length=32 type='HEXADECIMAL'}}\",\"status\":\"queued\"}")
                        .withStatus(201).withTransformers("response-template")));
    }

    /** Routing for the patient, whatever the disposition. */
    public static void routing(UUID patientId, UUID centerId, String responsible, List<Person> primary, List<Person> backup,
            List<Person> careTeam, List<Person> community, String fallbackEmail) {
        server.stubFor(get(urlPathEqualTo("/internal/v1/routing/patients/" + patientId))
                .willReturn(json("""
                        {"patientId":"%s","centerId":"%s","phase":"%s","responsible":"%s",
                         "onCall":{"PRIMARY":%s,"BACKUP":%s},"careTeam":%s,"communityPhysicians":%s,
                         "fallbackEmail":%s,"centerPhone":"+15550199"}""".formatted(patientId, centerId,
                        "COMMUNITY".equals(responsible) ? "SHARED" : "CENTER_LED", responsible, list(primary), list(backup),
                        list(careTeam), list(community), fallbackEmail == null ? "null" : "\"" + fallbackEmail + "\""))));
    }

    /**
     * The center's paging directory as care-team-service computes it at {@code from}: the primary and backup on call over the
     * next 48 h, and the clinicians it knows; also served as the only page of every center's directories.
     */
    public static void pagingDirectory(UUID centerId, Instant from, List<Person> primary, List<Person> backup,
            List<Person> known, String hotline) {
        pagingDirectory(centerId, from, primary, backup, known, hotline, "[]");
    }

    /** The same, with the center's webhooks ({@code webhooks}: their JSON array as care-team-service hands it over). */
    public static void pagingDirectory(UUID centerId, Instant from, List<Person> primary, List<Person> backup,
            List<Person> known, String hotline, String webhooks) {
        Instant until = from.plus(java.time.Duration.ofHours(48));
        String turns = java.util.stream.Stream.concat(
                primary.stream().map(p -> turn("PRIMARY", from, until, p)),
                backup.stream().map(p -> turn("BACKUP", from, until, p))).collect(Collectors.joining(","));
        String body = """
                {"centerId":"%s","name":"Center","timeZone":"America/Chicago","phone":"+15550199","hotlineEmail":"%s",
                 "from":"%s","until":"%s","onCall":[%s],"clinicians":%s,"webhooks":%s}""".formatted(centerId, hotline, from,
                until, turns, list(known), webhooks);
        server.stubFor(get(urlPathEqualTo("/internal/v1/centers/" + centerId + "/paging-directory")).willReturn(json(body)));
        server.stubFor(get(urlPathEqualTo("/internal/v1/paging-directories"))
                .willReturn(json("{\"items\":[" + body + "],\"nextCursor\":null}")));
    }

    private static String turn(String tier, Instant start, Instant end, Person p) {
        return """
                {"tier":"%s","start":"%s","end":"%s","recipient":%s}""".formatted(tier, start, end, p.json());
    }

    /** care-team-service does not answer for this patient (down, or failing). */
    public static void routingFails(UUID patientId) {
        server.stubFor(get(urlPathEqualTo("/internal/v1/routing/patients/" + patientId))
                .willReturn(aResponse().withStatus(503)));
    }

    public static void escalationTargets(UUID centerId, List<String> tiers, List<Person> clinicians) {
        server.stubFor(get(urlPathEqualTo("/internal/v1/centers/" + centerId + "/escalation-targets"))
                .willReturn(json("""
                        {"centerId":"%s","scheduledTiers":[%s],"clinicians":%s}""".formatted(centerId,
                        tiers.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(",")), list(clinicians)))));
    }

    /** The subject is staff of the center in this role (PHYSICIAN, NURSE, COORDINATOR). */
    /** The person is staff of two centers, in a role at each. */
    public static void staff(Person person, UUID centerA, String roleA, UUID centerB, String roleB) {
        server.stubFor(get(urlPathEqualTo("/internal/v1/subjects/" + encode(person.subject()) + "/memberships"))
                .willReturn(json("""
                        {"subject":"%s","clinicianId":"%s","memberships":[{"centerId":"%s","role":"%s","staff":true},
                         {"centerId":"%s","role":"%s","staff":true}]}"""
                        .formatted(person.subject(), person.clinicianId(), centerA, roleA, centerB, roleB))));
    }

    public static void staff(Person person, UUID centerId, String role) {
        server.stubFor(get(urlPathEqualTo("/internal/v1/subjects/" + encode(person.subject()) + "/memberships"))
                .willReturn(json("""
                        {"subject":"%s","clinicianId":"%s","memberships":[{"centerId":"%s","role":"%s","staff":true}]}"""
                        .formatted(person.subject(), person.clinicianId(), centerId, role))));
    }

    /** A community physician known to the center, not its staff. */
    public static void communityPhysician(Person person, UUID centerId) {
        server.stubFor(get(urlPathEqualTo("/internal/v1/subjects/" + encode(person.subject()) + "/memberships"))
                .willReturn(json("""
                        {"subject":"%s","clinicianId":"%s","memberships":[
                          {"centerId":"%s","role":"COMMUNITY_PHYSICIAN","staff":false}]}"""
                        .formatted(person.subject(), person.clinicianId(), centerId))));
    }

    public static void careTeam(UUID patientId, UUID centerId, Person communityPhysician) {
        server.stubFor(get(urlPathEqualTo("/internal/v1/care-teams/" + patientId))
                .willReturn(json("""
                        {"patientId":"%s","centerId":"%s","phase":"SHARED","members":[
                          {"clinicianId":"%s","subject":"%s","role":"COMMUNITY_PHYSICIAN"}]}"""
                        .formatted(patientId, centerId, communityPhysician.clinicianId(), communityPhysician.subject()))));
    }

    /** patient-service: the patients this patient or caregiver subject may read. */
    public static void patientsOf(String subject, UUID... patientIds) {
        server.stubFor(get(urlPathEqualTo("/internal/v1/subjects/" + encode(subject) + "/patients"))
                .willReturn(json("""
                        {"subject":"%s","patientIds":[%s]}""".formatted(subject, List.of(patientIds).stream()
                        .map(id -> "\"" + id + "\"").collect(Collectors.joining(","))))));
    }

    /** patient-service: where to text the patient about their alert ({@code "+1555… PATIENT"}, {@code "… CAREGIVER"}). */
    public static void patientPhones(UUID patientId, String language, String... phones) {
        server.stubFor(get(urlPathEqualTo("/internal/v1/patients/" + patientId + "/phones")).willReturn(json("""
                {"patientId":"%s","language":"%s","phones":[%s]}""".formatted(patientId, language,
                List.of(phones).stream().map(p -> p.split(" ")).map(p -> "{\"phone\":\"%s\",\"who\":\"%s\"}"
                        .formatted(p[0], p[1])).collect(Collectors.joining(","))))));
    }

    /** patient-service cannot answer where to text this patient. */
    public static void patientPhonesFail(UUID patientId) {
        server.stubFor(get(urlPathEqualTo("/internal/v1/patients/" + patientId + "/phones"))
                .willReturn(aResponse().withStatus(503)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String list(List<Person> people) {
        return people == null ? "[]" : "[" + people.stream().map(Person::json).collect(Collectors.joining(",")) + "]";
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
