package org.cartcompanion.e2e.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.cartcompanion.e2e.system.Api;
import org.cartcompanion.e2e.system.Api.Answer;
import org.cartcompanion.e2e.system.CarTSystem;
import org.cartcompanion.e2e.system.CarTSystem.Service;
import org.cartcompanion.e2e.system.Mailbox;
import org.cartcompanion.e2e.system.Scenario;
import org.cartcompanion.e2e.system.Scenario.Center;
import org.cartcompanion.e2e.system.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every operation each running service publishes in its OpenAPI document, called as API.md's access rules say it must
 * answer: no token or a token from an identity provider nobody trusts → 401; a role that may never call it → 403; a
 * role that may, asking about another center's patient, check-in, alert, center or clinician → 404 (never revealing that
 * it exists; ids of things center B does not have here — hand-offs, rotations, shifts, infection events — are unknown
 * ids, so those only show an unknown id is 404); the same for ids given in a query or a body. Only the listed operations
 * may be open without a token. The list of operations comes from the services themselves, so a new endpoint is swept
 * without touching this test.
 */
class ContractSweepIT {

    private static final List<String> ROLES = List.of("patient", "caregiver", "clinician", "coordinator",
            "community-physician", "admin", "service");

    private static CarTSystem system;
    private static Tokens tokens;
    private static Tokens foreign;
    private static Scenario scenario;
    private static List<Operation> operations;

    /** Center A: the callers' own. Center B: the one whose ids they ask about. */
    private static Center a;
    private static Center b;
    private static Map<String, String> callers;
    private static Map<String, String> other;

    /** One call that went differently from the contract. */
    record Breach(String operation, String caller, int expected, int actual, String body) {
        @Override
        public String toString() {
            return operation + " as " + caller + ": expected " + expected + ", got " + actual + " "
                    + (body == null ? "" : body.substring(0, Math.min(body.length(), 200)));
        }
    }

    /**
     * An operation of a service's OpenAPI document, the roles it names (empty: any signed-in user), and what a client
     * would accept: the media type of its success answer, as documented, with problem+json.
     */
    record Operation(Service service, String method, String path, List<String> roles, boolean secured, String accept) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    static void setUp() throws Exception {
        system = CarTSystem.shared();
        tokens = system.tokens();
        foreign = system.foreignIdentityProvider();
        scenario = new Scenario(system, new Mailbox(system));
        operations = readOperations();
        a = scenario.center(600);
        b = scenario.center(600);

        // Center A's people: a patient with a caregiver, a clinician, a community physician on no care team.
        String patientA = "sweep-patient-" + a.tag();
        String patientAId = scenario.enroll(a, patientA, 8);
        Api.post(scenario.patients("/api/v1/patients/" + patientAId + "/caregivers"), tokens.token(patientA, "patient"), """
                {"subject":"sweep-caregiver-%s","name":"C","relationship":"SPOUSE"}""".formatted(a.tag())).expect(201);
        scenario.clinician(a.id(), "sweep-clinician-" + a.tag(), "PHYSICIAN");
        scenario.clinician(a.id(), "sweep-community-" + a.tag(), "COMMUNITY_PHYSICIAN");
        callers = new LinkedHashMap<>();
        callers.put("patient", tokens.token(patientA, "patient"));
        callers.put("caregiver", tokens.token("sweep-caregiver-" + a.tag(), "caregiver"));
        callers.put("clinician", tokens.token("sweep-clinician-" + a.tag(), "clinician"));
        callers.put("coordinator", a.coordinator());
        callers.put("community-physician", tokens.token("sweep-community-" + a.tag(), "community-physician"));
        callers.put("admin", scenario.admin());
        callers.put("service", tokens.token("patient-service", "service"));

        // Center B's patient, with a check-in and the alert it opened, and B's own clinician.
        String patientB = "sweep-other-" + b.tag();
        String patientBId = scenario.enroll(b, patientB, 8);
        String checkIn = scenario.checkIn(patientBId, tokens.token(patientB, "patient"), """
                {"recordedAt":"%s","temperature":{"value":38.6,"unit":"C","method":"ORAL"}}""".formatted(OffsetDateTime.now()))
                .expect(201).at("/id");
        String clinicianB = scenario.clinician(b.id(), "sweep-clinician-" + b.tag(), "PHYSICIAN");
        String alert = awaitAlert(patientBId);
        other = new LinkedHashMap<>();
        other.put("patient", patientBId);
        other.put("center", b.id());
        other.put("checkIn", checkIn);
        other.put("clinician", clinicianB);
        other.put("alert", alert);
    }

    private static String awaitAlert(String patientId) throws InterruptedException {
        // Up to 30 s: this class may be the first to use the shared system, whose first alert takes longest.
        for (int i = 0; i < 300; i++) {
            String id = Api.get(scenario.alerts("/api/v1/alerts?patientId=" + patientId), b.coordinator()).expect(200)
                    .at("/items/0/id");
            if (id != null) {
                return id;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("center B's alert did not open");
    }

    /** Every operation the running services publish, read once from their OpenAPI documents. */
    private static List<Operation> readOperations() {
        List<Operation> all = new ArrayList<>();
        for (Service service : Service.values()) {
            JsonNode doc = Api.get(system.url(service) + "/q/openapi?format=json", null).expect(200).json();
            for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
                for (Map.Entry<String, JsonNode> m : path.getValue().properties()) {
                    if (!Set.of("get", "post", "put", "delete", "patch").contains(m.getKey())) {
                        continue;
                    }
                    JsonNode security = m.getValue().get("security");
                    List<String> roles = new ArrayList<>();
                    boolean secured = security != null && !security.isEmpty();
                    if (secured) {
                        security.get(0).get("bearer").forEach(r -> roles.add(r.asText()));
                    }
                    all.add(new Operation(service, m.getKey().toUpperCase(), path.getKey(), roles, secured,
                            accept(m.getValue())));
                }
            }
        }
        return all;
    }

    private static String accept(JsonNode operation) {
        for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
            if (response.getKey().startsWith("2") && response.getValue().has("content")) {
                return response.getValue().get("content").properties().iterator().next().getKey()
                        + ", application/problem+json";
            }
        }
        return "application/json, application/problem+json";
    }

    /** The path with its parameters naming center B's things (or ids nobody has). */
    private static String url(Operation op) {
        String path = op.path();
        String id = path.startsWith("/api/v1/patients/{id}") ? other.get("patient")
                : path.startsWith("/api/v1/centers/{id}") ? other.get("center")
                        : path.contains("/alerts/{id}") ? other.get("alert") : UUID.randomUUID().toString();
        path = path.replace("{id}", id).replace("{patientId}", other.get("patient")).replace("{centerId}", other.get("center"))
                .replace("{checkInId}", other.get("checkIn")).replace("{clinicianId}", other.get("clinician"))
                .replace("{subject}", "sweep-nobody").replace("{token}", "no-such-link");
        path = path.replaceAll("\\{[A-Za-z]+}", UUID.randomUUID().toString());
        return system.url(op.service()) + path;
    }

    /** A body the operation would take from its own caller: so that only access decides the answer. */
    private static String body(Operation op) {
        LocalDate today = LocalDate.now(Scenario.CHICAGO);
        String key = op.method() + " " + op.path();
        return switch (key) {
        case "POST /api/v1/patients/{id}/caregivers" -> """
                {"subject":"sweep-new-caregiver","name":"N","relationship":"SPOUSE"}""";
        case "POST /api/v1/patients/{id}/invitations" -> """
                {"for":"CAREGIVER","name":"N","relationship":"SPOUSE"}""";
        case "POST /api/v1/patients/{id}/check-ins" -> """
                {"recordedAt":"%s","temperature":{"value":38.6,"unit":"C","method":"ORAL"}}""".formatted(OffsetDateTime.now());
        case "PUT /api/v1/patients/{id}/second-dose" -> "{\"date\":\"%s\"}".formatted(today.minusDays(1));
        case "PUT /api/v1/patients/{id}/clinical-status" -> """
                {"ancPerUl":1200,"ancDate":"%s"}""".formatted(today);
        case "POST /api/v1/patients/{id}/infections", "PUT /api/v1/patients/{id}/infections/{eventId}" -> """
                {"onsetDate":"%s","diagnosisDate":"%s","pathogenClass":"BACTERIAL","sites":["BLOODSTREAM"],
                 "documentationLevel":"MICROBIOLOGICAL","severityCtcae":3,"attribution":"INFECTION",
                 "treatmentRequired":true,"outcome":"ONGOING"}""".formatted(today.minusDays(1), today);
        case "PUT /api/v1/triage-rules/centers/{centerId}" -> "{\"thresholds\":{\"FEVER_C\":37.8}}";
        case "POST /api/v1/alerts/{id}/resolve", "POST /console/api/alerts/{id}/resolve" -> """
                {"outcome":"FALSE_ALARM","note":"sweep"}""";
        case "PUT /api/v1/escalation-policies/{centerId}" -> """
                {"levels":[{"targets":["ON_CALL:PRIMARY"],"ackTimeoutSeconds":60}],"repeat":0,"fallbackEmail":"x@e2e.example"}""";
        case "PUT /api/v1/care-teams/{patientId}" -> """
                {"centerId":"%s","phase":"CENTER_LED","members":[{"clinicianId":"%s","role":"PHYSICIAN"}]}"""
                .formatted(other.get("center"), other.get("clinician"));
        case "POST /api/v1/centers/{centerId}/clinicians" -> """
                {"subject":"sweep-new","name":"N","email":"n@e2e.example","role":"PHYSICIAN"}""";
        case "POST /api/v1/centers/{centerId}/rotations" -> """
                {"tier":"PRIMARY","clinicianIds":["%s"],"startDate":"%s","handoffTime":"08:00","lengthDays":7}"""
                .formatted(other.get("clinician"), today.plusDays(30));
        case "POST /api/v1/centers/{centerId}/shifts" -> """
                {"clinicianId":"%s","tier":"PRIMARY","start":"%sT18:00:00-06:00","end":"%sT06:00:00-06:00"}"""
                .formatted(other.get("clinician"), today.plusDays(40), today.plusDays(41));
        case "PUT /api/v1/centers/{id}/handoff-settings" -> "{\"sharedCareDay\":14,\"communityLedDay\":100}";
        case "POST /api/v1/handoffs/{id}/decline" -> "{\"reason\":\"sweep\"}";
        case "PUT /api/v1/patients/{id}/status" -> "{\"status\":\"DISCHARGED\",\"reason\":\"sweep\"}";
        case "PATCH /api/v1/centers/{centerId}/clinicians/{clinicianId}" -> "{\"phone\":\"+15550100\"}";
        case "PUT /api/v1/clinicians/{clinicianId}/contact-methods" -> """
                [{"type":"SMS","address":"+15550100","delaySeconds":0}]""";
        case "PUT /api/v1/centers/{id}/webhooks" -> """
                [{"url":"https://hooks.e2e.example/sweep","events":["ALERT_OPENED"]}]""";
        default -> op.method().equals("GET") || op.method().equals("DELETE") ? null : "{}";
        };
    }

    private static Answer call(Operation op, String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", op.accept());
        if (op.path().endsWith("/check-ins") && op.method().equals("POST")) {
            headers.put("Idempotency-Key", UUID.randomUUID().toString());
        }
        return Api.call(op.method(), url(op), token, body(op), headers);
    }

    /** The status the contract names, as an RFC 9457 problem whose status matches. */
    private static void expect(List<Breach> breaches, Operation op, String caller, int expected, Answer answer) {
        boolean problem = "application/problem+json".equals(answer.mediaType()) && answer.json() != null
                && answer.json().hasNonNull("type") && answer.json().hasNonNull("title")
                && answer.json().hasNonNull("detail") && answer.json().path("status").asInt() == answer.status();
        if (answer.status() != expected) {
            breaches.add(new Breach(op.toString(), caller, expected, answer.status(), answer.text()));
        } else if (!problem) {
            breaches.add(new Breach(op + " (not a problem+json body)", caller, expected, answer.status(), answer.text()));
        }
    }

    @Test
    void noTokenOrAnUntrustedOneIs401() throws Exception {
        assertThat("the services publish their operations", operations.size(), greaterThanOrEqualTo(60));
        String untrusted = foreign.token("sweep-clinician-" + a.tag(), "clinician", "coordinator", "admin", "service");
        List<Breach> breaches = new ArrayList<>();
        int calls = 0;
        for (Operation op : operations) {
            if (!op.secured()) {
                continue;
            }
            expect(breaches, op, "no token", 401, call(op, null));
            expect(breaches, op, "untrusted token", 401, call(op, untrusted));
            calls += 2;
        }
        System.out.printf("e2e contract sweep: %d operations, %d calls without a valid token%n", operations.size(), calls);
        assertThat(breaches, empty());
        // Only these are open without a token: an endpoint that lost its role check would otherwise pass unseen.
        assertThat(operations.stream().filter(op -> !op.secured()).map(Operation::toString).sorted().toList(),
                equalTo(List.of("GET /api/v1/alerts/ack-links/{token}", "GET /app", "GET /app/push", "GET /app/sign-in",
                        "GET /console",
                        "GET /console/sign-in", "GET /console/{view}", "POST /api/v1/alerts/ack-links/{token}",
                        "POST /api/v1/sms/inbound", "POST /api/v1/voice/gather")));
    }

    /**
     * Service identity: a token signed with the services' key is a known service's and nothing else (401 as a coordinator,
     * an admin, a patient or an unknown service); a token from the identity provider that claims the service group is refused
     * every internal endpoint (403); and a service calling an internal endpoint that does not name it is refused (403).
     */
    @Test
    void aServiceTokenCannotActAsAUserNorAUserAsAService() {
        List<Breach> breaches = new ArrayList<>();
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("services' key as coordinator", tokens.withServiceKey("sweep-coordinator-" + a.tag(), "coordinator"));
        forged.put("services' key as admin", tokens.withServiceKey("sweep-admin", "admin"));
        forged.put("services' key as a patient", tokens.withServiceKey("sweep-patient-" + a.tag(), "patient"));
        forged.put("services' key, service and admin", tokens.withServiceKey("patient-service", "service", "admin"));
        forged.put("services' key, unknown service", tokens.withServiceKey("reporting-service", "service"));
        String idpService = tokens.fromIdp("patient-service", "service");
        int calls = 0;
        for (Operation op : operations) {
            if (!op.secured()) {
                continue;
            }
            for (Map.Entry<String, String> token : forged.entrySet()) {
                expect(breaches, op, token.getKey(), 401, call(op, token.getValue()));
                calls++;
            }
            if (op.path().startsWith("/internal/")) {
                expect(breaches, op, "an identity provider's token with the service group", 403, call(op, idpService));
                calls++;
            }
        }
        // Each internal endpoint names its callers: patient-service does not route alerts nor read paging directories.
        String patientService = tokens.token("patient-service", "service");
        for (String path : List.of("/internal/v1/routing/patients/" + other.get("patient") + "?disposition=CENTER_NOW",
                "/internal/v1/centers/" + a.id() + "/paging-directory", "/internal/v1/paging-directories")) {
            Answer answer = Api.get(system.url(Service.CARE_TEAM) + path, patientService);
            if (answer.status() != 403) {
                breaches.add(new Breach("GET " + path, "patient-service", 403, answer.status(), answer.text()));
            }
        }
        Answer own = Api.get(system.url(Service.CARE_TEAM) + "/internal/v1/centers/" + a.id() + "/coordinators",
                patientService);
        if (own.status() != 200) {
            breaches.add(new Breach("GET coordinators", "patient-service", 200, own.status(), own.text()));
        }
        System.out.printf("e2e contract sweep: %d calls with forged service or user identities%n", calls + 4);
        assertThat(breaches, empty());
    }

    @Test
    void aRoleThatMayNeverCallAnOperationIs403() {
        List<Breach> breaches = new ArrayList<>();
        int calls = 0;
        for (Operation op : operations) {
            if (!op.secured() || op.roles().isEmpty()) {
                continue;
            }
            for (String role : ROLES) {
                if (!op.roles().contains(role)) {
                    expect(breaches, op, role, 403, call(op, callers.get(role)));
                    calls++;
                }
            }
        }
        System.out.printf("e2e contract sweep: %d calls by roles that may not%n", calls);
        assertThat(breaches, empty());
    }

    @Test
    void aRoleThatMayCallItAskingAboutAnotherCentersPatientAlertOrCenterIs404() {
        List<Breach> breaches = new ArrayList<>();
        int calls = 0;
        for (Operation op : operations) {
            // Admins and services see every center by design; an operation without ids has nothing of another's to ask.
            if (!op.secured() || !op.path().contains("{")) {
                continue;
            }
            for (String role : op.roles().isEmpty() ? ROLES : op.roles()) {
                if (role.equals("admin") || role.equals("service")) {
                    continue;
                }
                expect(breaches, op, role + " of center A", 404, call(op, callers.get(role)));
                calls++;
            }
        }
        System.out.printf("e2e contract sweep: %d calls about another center's data%n", calls);
        assertThat(breaches, empty());
    }

    /**
     * API.md v1.1: a subject who is COORDINATOR at center A and NURSE at center B, with a {@code coordinator} token, acts as a
     * nurse at B: every write only a coordinator may make, aimed at B, is 403, and so is enrolling a patient there.
     */
    @Test
    void aCoordinatorElsewhereWhoIsANurseHereTakesNoCoordinatorsActionHere() {
        String subject = "sweep-dual-" + a.tag();
        scenario.clinician(a.id(), subject, "COORDINATOR");
        scenario.clinician(b.id(), subject, "NURSE");
        String token = tokens.token(subject, "coordinator");
        List<Breach> breaches = new ArrayList<>();
        int calls = 0;
        for (Operation op : operations) {
            boolean coordinatorsOnly = op.roles().contains("coordinator") && !op.roles().contains("clinician")
                    && !op.roles().contains("patient");
            if (!op.secured() || op.method().equals("GET") || !coordinatorsOnly || !op.path().contains("{")) {
                continue;
            }
            expect(breaches, op, "a nurse of center B with a coordinator token", 403, call(op, token));
            calls++;
        }
        Answer enrol = Api.post(scenario.patients("/api/v1/patients"), token, """
                {"centerId":"%s","subject":"sweep-dual-patient","displayName":"X.","birthYear":1960,
                 "timeZone":"America/Chicago","infusionDate":"%s","product":"AXI_CEL","disease":"LBCL","language":"en"}"""
                .formatted(b.id(), LocalDate.now(Scenario.CHICAGO).minusDays(3)));
        expect(breaches, new Operation(Service.PATIENT, "POST", "/api/v1/patients", List.of(), true, null),
                "a nurse of center B with a coordinator token", 403, enrol);
        System.out.printf("e2e contract sweep: %d coordinator-only writes at a center where the caller is a nurse%n",
                calls + 1);
        assertThat("coordinator-only writes found: rotations, shifts, clinicians, care teams, thresholds, policies, ...",
                calls, greaterThanOrEqualTo(6));
        assertThat(breaches, empty());
        // At their own center the same token enrolls.
        Api.post(scenario.patients("/api/v1/patients"), token, """
                {"centerId":"%s","subject":"sweep-dual-patient-%s","displayName":"X.","birthYear":1960,
                 "timeZone":"America/Chicago","infusionDate":"%s","product":"AXI_CEL","disease":"LBCL","language":"en"}"""
                .formatted(a.id(), a.tag(), LocalDate.now(Scenario.CHICAGO).minusDays(3))).expect(201);
    }

    @Test
    void askingByQueryOrBodyAboutAnotherCentersDataIsRefusedOrFindsNothing() {
        String patientB = other.get("patient");
        String centerB = other.get("center");
        record Ask(Service service, String method, String path, String body, List<String> roles) {
        }
        List<Ask> asks = List.of(
                new Ask(Service.PATIENT, "GET", "/api/v1/patients/infection-reports?centerId=" + centerB + "&from="
                        + LocalDate.now(Scenario.CHICAGO).minusDays(30) + "&to=" + LocalDate.now(Scenario.CHICAGO), null,
                        List.of("clinician", "coordinator")),
                new Ask(Service.ALERT, "GET", "/api/v1/alerts?patientId=" + patientB, null,
                        List.of("patient", "caregiver", "clinician", "coordinator", "community-physician")),
                new Ask(Service.PATIENT, "GET", "/app/api/alerts?patientId=" + patientB, null, List.of("patient", "caregiver")),
                new Ask(Service.ALERT, "GET", "/api/v1/alerts?centerId=" + centerB, null,
                        List.of("clinician", "coordinator", "community-physician")),
                new Ask(Service.CARE_TEAM, "GET", "/console/api/alerts?centerId=" + centerB, null,
                        List.of("clinician", "coordinator", "community-physician")),
                new Ask(Service.PATIENT, "POST", "/api/v1/patients", """
                        {"centerId":"%s","subject":"sweep-intruder","displayName":"X.","birthYear":1960,
                         "timeZone":"America/Chicago","infusionDate":"%s","product":"AXI_CEL","disease":"LBCL","language":"en"}"""
                        .formatted(centerB, LocalDate.now(Scenario.CHICAGO).minusDays(3)), List.of("clinician", "coordinator")),
                new Ask(Service.CARE_TEAM, "POST", "/api/v1/handoffs", """
                        {"patientId":"%s","toClinicianId":"%s","toPhase":"SHARED","summary":"sweep"}"""
                        .formatted(patientB, other.get("clinician")), List.of("clinician", "coordinator")));
        List<Breach> breaches = new ArrayList<>();
        for (Ask ask : asks) {
            for (String role : ask.roles()) {
                Answer answer = Api.call(ask.method(), system.url(ask.service()) + ask.path(), callers.get(role), ask.body(),
                        Map.of());
                boolean refused = answer.status() == 403 || answer.status() == 404;
                // A filter may answer 200 with only what the caller may see: then nothing of center B's patient.
                boolean nothing = answer.status() == 200 && !answer.text().contains(patientB);
                if (!refused && !nothing) {
                    breaches.add(new Breach(ask.method() + " " + ask.path(), role + " of center A", 404, answer.status(),
                            answer.text()));
                }
            }
        }
        assertThat(breaches, empty());
    }
}
