package org.cartcompanion.careteam.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.cartcompanion.careteam.center.Center;
import org.cartcompanion.careteam.center.repository.CenterRepository;
import org.cartcompanion.careteam.clinician.Clinician;
import org.cartcompanion.careteam.clinician.repository.ClinicianRepository;
import org.cartcompanion.careteam.clinician.repository.MembershipRepository;
import org.cartcompanion.careteam.oncall.schedule.Assignment;
import org.cartcompanion.careteam.oncall.schedule.Tier;
import org.cartcompanion.careteam.oncall.service.Schedules;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.reactive.Deadlines;
import org.cartcompanion.support.security.Caller;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * What the console shows. Alerts and patients are read from alert-service and patient-service with the clinician's own token,
 * so those services decide what this clinician may see, exactly as for the phone and the API.
 */
@ApplicationScoped
public class ConsoleService {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int RECENT_CHECK_INS = 20;
    private static final int MAX_PAGES = 10;
    private static final int NAME_LOOKUPS_AT_ONCE = 8;

    private final AlertApi alerts;
    private final PatientApi patients;
    private final MembershipRepository memberships;
    private final ClinicianRepository clinicians;
    private final CenterRepository centers;
    private final Schedules schedules;
    private final ObjectMapper json;
    private final Clock clock;

    public ConsoleService(@RestClient AlertApi alerts, @RestClient PatientApi patients, MembershipRepository memberships,
            ClinicianRepository clinicians, CenterRepository centers, Schedules schedules, ObjectMapper json,
            Clock clock) {
        this.alerts = alerts;
        this.patients = patients;
        this.memberships = memberships;
        this.clinicians = clinicians;
        this.centers = centers;
        this.schedules = schedules;
        this.json = json;
        this.clock = clock;
    }

    /** The caller's open alerts (unanswered, acknowledged, exhausted), most urgent first, each with the patient's name. */
    public Uni<JsonNode> openAlerts(String bearer) {
        Uni<List<ObjectNode>> exhausted = every(bearer, "EXHAUSTED", null, new ArrayList<>());
        Uni<List<ObjectNode>> triggered = every(bearer, "TRIGGERED", null, new ArrayList<>());
        Uni<List<ObjectNode>> acknowledged = every(bearer, "ACKNOWLEDGED", null, new ArrayList<>());
        return Uni.combine().all().unis(exhausted, triggered, acknowledged).asTuple().flatMap(lists -> {
            List<ObjectNode> items = new ArrayList<>(lists.getItem1());
            items.addAll(lists.getItem2());
            items.addAll(lists.getItem3());
            items.sort((a, b) -> Urgency.MOST_URGENT_FIRST.compare(urgency(a), urgency(b)));
            List<String> patientIds = items.stream().map(i -> i.path("patientId").asText()).distinct().toList();
            return names(bearer, patientIds).map(names -> {
                ArrayNode out = json.createArrayNode();
                for (ObjectNode item : items) {
                    item.put("patientName", names.get(item.path("patientId").asText()));
                    out.add(item);
                }
                ObjectNode page = json.createObjectNode();
                page.set("items", out);
                page.putNull("nextCursor");
                return page;
            });
        });
    }

    /** One alert with its patient and their recent check-ins (newest first). */
    public Uni<JsonNode> alert(String bearer, String id) {
        return call("alert-service", () -> alerts.get(bearer, id)).flatMap(alert -> {
            String patientId = alert.path("patientId").asText();
            Uni<JsonNode> patient = call("patient-service", () -> patients.patient(bearer, patientId))
                    .onFailure().recoverWithItem(e -> absent(e, "patient"));
            Uni<JsonNode> checkIns = call("patient-service", () -> patients.checkIns(bearer, patientId, RECENT_CHECK_INS))
                    .onFailure().recoverWithItem(e -> absent(e, "check-ins"));
            return Uni.combine().all().unis(patient, checkIns).asTuple().map(both -> {
                ObjectNode view = json.createObjectNode();
                view.set("alert", alert);
                view.set("patient", both.getItem1());
                view.set("checkIns", both.getItem2() == null ? json.createArrayNode() : both.getItem2().path("items"));
                return view;
            });
        });
    }

    public Uni<JsonNode> acknowledge(String bearer, String id) {
        return call("alert-service", () -> alerts.acknowledge(bearer, id));
    }

    public Uni<JsonNode> resolve(String bearer, String id, JsonNode body) {
        return call("alert-service", () -> alerts.resolve(bearer, id, body));
    }

    /** A test page to the caller on each of their contact methods, sent by alert-service; how each went. */
    public Uni<JsonNode> testPage(String bearer) {
        return call("alert-service", () -> alerts.testPage(bearer));
    }

    /** The caller's clinician id here, or null for a caller who is no center's clinician (an admin). */
    @WithSession
    public Uni<UUID> clinicianId(Caller caller) {
        return clinicians.findBySubject(caller.subject()).map(c -> c == null ? null : c.id);
    }

    /** Today's on-call (the center's local day) of every center where the caller is staff, with who holds it now. */
    @WithSession
    public Uni<JsonNode> onCallToday(Caller caller) {
        Instant now = clock.instant();
        return clinicians.findBySubject(caller.subject()).flatMap(me -> me == null ? Uni.createFrom().item(List.<Center> of())
                : memberships.ofClinician(me.id).flatMap(mine -> centers.findByIds(mine.stream()
                        .filter(m -> m.role.isStaff()).map(m -> m.centerId).toList())))
                .flatMap(list -> {
                    Uni<List<ObjectNode>> all = Uni.createFrom().item(new ArrayList<>());
                    for (Center center : list) {
                        all = all.flatMap(done -> today(center, now).map(view -> {
                            done.add(view);
                            return done;
                        }));
                    }
                    return all;
                }).map(views -> {
                    ObjectNode out = json.createObjectNode();
                    out.put("at", now.toString());
                    out.set("centers", json.valueToTree(views));
                    return out;
                });
    }

    private Uni<ObjectNode> today(Center center, Instant now) {
        ZoneId zone = ZoneId.of(center.timeZone);
        LocalDate day = LocalDate.ofInstant(now, zone);
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        // Turns are looked at a month either side, so a turn of up to a month shows when it really begins and ends.
        Instant wideFrom = from.minus(Duration.ofDays(31));
        Instant wideTo = to.plus(Duration.ofDays(31));
        return schedules.of(center, wideFrom, wideTo).flatMap(schedule -> {
            List<Assignment> turns = new ArrayList<>();
            for (Tier tier : Tier.values()) {
                schedule.assignments(tier, wideFrom, wideTo).stream()
                        .filter(a -> a.start().isBefore(to) && a.end().isAfter(from)).forEach(turns::add);
            }
            return schedules.named(turns.stream().map(Assignment::clinicianId).toList()).map(byId -> {
                ObjectNode view = json.createObjectNode();
                view.put("centerId", center.id.toString());
                view.put("name", center.name);
                view.put("phone", center.phone);
                view.put("timeZone", center.timeZone);
                view.put("date", day.toString());
                ArrayNode shown = view.putArray("turns");
                for (Assignment a : turns) {
                    Clinician c = byId.get(a.clinicianId());
                    ObjectNode turn = shown.addObject();
                    turn.put("tier", a.tier().name());
                    turn.put("clinicianId", c.id.toString());
                    turn.put("name", c.name);
                    turn.put("phone", c.phone);
                    turn.put("start", OffsetDateTime.ofInstant(a.start(), zone).toString());
                    turn.put("end", OffsetDateTime.ofInstant(a.end(), zone).toString());
                    turn.put("now", !now.isBefore(a.start()) && now.isBefore(a.end()));
                }
                for (Tier tier : Tier.values()) {
                    if (turns.stream().noneMatch(a -> a.tier() == tier && !now.isBefore(a.start())
                            && now.isBefore(a.end()))) {
                        view.withArray("uncovered").add(tier.name());
                    }
                }
                return view;
            });
        });
    }

    /** Every alert of this status the caller may see, page after page (at most {@link #MAX_PAGES} pages). */
    private Uni<List<ObjectNode>> every(String bearer, String status, String cursor, List<ObjectNode> so) {
        return call("alert-service", () -> alerts.list(bearer, status, 100, cursor)).flatMap(page -> {
            page.path("items").forEach(item -> so.add((ObjectNode) item));
            String next = page.path("nextCursor").asText(null);
            return next == null || so.size() >= MAX_PAGES * 100 ? Uni.createFrom().item(so)
                    : every(bearer, status, next, so);
        });
    }

    /** The patients' names, asked of patient-service a few at a time; a name it will not give stays null. */
    private Uni<Map<String, String>> names(String bearer, List<String> patientIds) {
        return Multi.createFrom().iterable(patientIds)
                .onItem().transformToUni(id -> call("patient-service", () -> patients.patient(bearer, id))
                        .map(p -> Map.entry(id, p.path("displayName").asText("")))
                        .onFailure().recoverWithItem(e -> Map.entry(id, "")))
                .merge(NAME_LOOKUPS_AT_ONCE).collect().asList().map(entries -> {
                    Map<String, String> names = new HashMap<>();
                    entries.forEach(e -> names.put(e.getKey(), e.getValue().isEmpty() ? null : e.getValue()));
                    return names;
                });
    }

    private static Urgency.Item urgency(JsonNode alert) {
        String opened = alert.path("openedAt").asText(null);
        return new Urgency.Item(alert.path("disposition").asText(), alert.path("status").asText(),
                opened == null ? Instant.MAX : OffsetDateTime.parse(opened).toInstant());
    }

    private static JsonNode absent(Throwable e, String what) {
        Log.debugf("console could not read the %s: %s", what, e.toString());
        return null;
    }

    /**
     * Calls another service: its refusals (401, 403, 404, 409, 400…) reach the console with their status and detail; a service
     * that does not answer is a 503.
     */
    private Uni<JsonNode> call(String service, Supplier<Uni<JsonNode>> request) {
        return Deadlines.<JsonNode> within(TIMEOUT, request).onFailure().transform(e -> {
            if (e instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
                return new ProblemException(w.getResponse().getStatus(), "upstream", detailOf(w));
            }
            Log.warnf("console: %s did not answer: %s", service, e.toString());
            return new ProblemException(503, "service-unavailable",
                    service + " cannot be reached right now; nothing was changed. Try again shortly.");
        });
    }

    private String detailOf(WebApplicationException e) {
        try {
            JsonNode problem = e.getResponse().readEntity(JsonNode.class);
            return problem.path("detail").asText("The request was refused.");
        } catch (RuntimeException unreadable) {
            return "The request was refused.";
        }
    }
}
