package org.cartcompanion.patient.triagerules.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.patient.Language;
import org.cartcompanion.patient.patient.service.PatientAccess;
import org.cartcompanion.patient.triage.EmergencyRule;
import org.cartcompanion.patient.triage.GlobalRule;
import org.cartcompanion.patient.triage.MatrixRow;
import org.cartcompanion.patient.triage.Modifier;
import org.cartcompanion.patient.triage.RuleSet;
import org.cartcompanion.patient.triage.Symptom;
import org.cartcompanion.patient.triage.SymptomWording;
import org.cartcompanion.patient.triage.Threshold;
import org.cartcompanion.patient.triagerules.ThresholdOverride;
import org.cartcompanion.patient.triagerules.repository.ThresholdOverrideRepository;
import org.cartcompanion.patient.triagerules.rest.CenterThresholdsRequest;
import org.cartcompanion.patient.triagerules.rest.CenterThresholdsResponse;
import org.cartcompanion.patient.triagerules.rest.RuleTableResponse;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The rule table as data, and each center's versioned threshold overrides. Overrides are validated against the table's allowed
 * ranges here, next to the engine that uses them.
 */
@ApplicationScoped
public class TriageRulesService {

    private static final TypeReference<Map<String, Double>> THRESHOLDS = new TypeReference<>() {
    };

    private final ThresholdOverrideRepository overrides;
    private final PatientAccess access;
    private final ObjectMapper json;
    private final Clock clock;

    public TriageRulesService(ThresholdOverrideRepository overrides, PatientAccess access, ObjectMapper json, Clock clock) {
        this.overrides = overrides;
        this.access = access;
        this.json = json;
        this.clock = clock;
    }

    public RuleTableResponse ruleTable() {
        List<RuleTableResponse.Rule> rules = new ArrayList<>();
        for (EmergencyRule e : EmergencyRule.values()) {
            rules.add(new RuleTableResponse.Rule(e.name(), "EMERGENCY", e.description(), Map.of()));
        }
        for (MatrixRow row : MatrixRow.values()) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (MatrixRow.Column column : MatrixRow.Column.values()) {
                cells.put(column.name(), row.at(column).name());
            }
            rules.add(new RuleTableResponse.Rule(row.name(), "MATRIX", row.description(), cells));
        }
        for (Modifier m : Modifier.values()) {
            rules.add(new RuleTableResponse.Rule(m.name(), "MODIFIER", m.description(), Map.of()));
        }
        for (GlobalRule g : GlobalRule.values()) {
            rules.add(new RuleTableResponse.Rule(g.name(), "GLOBAL", g.description(), Map.of()));
        }
        List<RuleTableResponse.ThresholdEntry> thresholds = new ArrayList<>();
        for (Threshold t : Threshold.values()) {
            thresholds.add(new RuleTableResponse.ThresholdEntry(t.name(), t.defaultValue(), t.min(), t.max(),
                    t.stricter().name(), t.unit(), t.description()));
        }
        List<RuleTableResponse.SymptomEntry> symptoms = new ArrayList<>();
        for (Symptom symptom : Symptom.values()) {
            Map<String, String> label = new LinkedHashMap<>();
            Map<String, String> help = new LinkedHashMap<>();
            for (Language language : Language.values()) {
                SymptomWording.Text text = SymptomWording.of(symptom, language);
                label.put(language.code(), text.label());
                help.put(language.code(), text.help());
            }
            symptoms.add(new RuleTableResponse.SymptomEntry(symptom.name(), label, help));
        }
        return new RuleTableResponse(RuleSet.DEFAULT_VERSION, rules, thresholds, symptoms);
    }

    /** The center's thresholds in force, for its staff. */
    @WithSession
    public Uni<CenterThresholdsResponse> current(UUID centerId, Caller caller) {
        return requireStaff(centerId, caller)
                .flatMap(ok -> overrides.latest(centerId))
                .map(latest -> describe(centerId, latest));
    }

    /**
     * Saves a new version of the center's overrides (a coordinator on the center's staff). A value less strict than the default
     * table is refused (422) unless the request carries the medical lead's approval, which the version then records.
     */
    @WithTransaction
    public Uni<CenterThresholdsResponse> save(UUID centerId, CenterThresholdsRequest request, Caller caller) {
        Map<Threshold, Double> parsed = parse(request.thresholds());
        List<String> loosened = loosened(parsed);
        CenterThresholdsRequest.Approval approval = request.approval();
        if (!loosened.isEmpty() && approval == null) {
            throw new ProblemException(422, "unprocessable", "A center may only make thresholds stricter than the default "
                    + "table; " + String.join(", ", loosened) + " would make a rule less strict. Send approval.medicalLead "
                    + "and approval.reason to record the medical lead's approval.",
                    loosened.stream().map(name -> new Problem.FieldError("thresholds." + name,
                            "is less strict than the default " + Threshold.valueOf(name).defaultValue()
                                    + " and needs the medical lead's approval"))
                            .toList());
        }
        return requireStaff(centerId, caller, Roles.COORDINATOR)
                .flatMap(ok -> overrides.latest(centerId))
                .flatMap(latest -> {
                    ThresholdOverride next = new ThresholdOverride();
                    next.centerId = centerId;
                    next.version = latest == null ? 1 : latest.version + 1;
                    next.thresholds = write(parsed);
                    if (!loosened.isEmpty()) {
                        next.loosened = String.join(",", loosened);
                        next.approvedBy = approval.medicalLead().strip();
                        next.approvalReason = approval.reason().strip();
                    }
                    next.createdBy = caller.subject();
                    next.createdAt = clock.instant();
                    return overrides.persistAndFlush(next);
                })
                .invoke(saved -> {
                    if (saved.loosened != null) {
                        Log.infof("Center %s thresholds v%d loosen %s with the medical lead's approval, saved by %s",
                                centerId, saved.version, saved.loosened, caller.subject());
                    }
                })
                .map(saved -> describe(centerId, saved));
    }

    /** The names of the thresholds that {@code values} make less strict than the default table, in table order. */
    static List<String> loosened(Map<Threshold, Double> values) {
        List<String> names = new ArrayList<>();
        for (Threshold t : Threshold.values()) {
            Double v = values.get(t);
            if (v != null && t.loosens(v)) {
                names.add(t.name());
            }
        }
        return names;
    }

    /**
     * The rules a center's check-ins are triaged with, from its newest override: {@code version} and its stored values
     * ({@code thresholds}). A center without one uses {@link RuleSet#DEFAULT}.
     */
    public RuleSet ruleSet(UUID centerId, int version, String thresholds) {
        return RuleSet.withOverrides(overrideVersion(centerId, version), read(thresholds));
    }

    static String overrideVersion(UUID centerId, int version) {
        return centerId + ".v" + version;
    }

    private CenterThresholdsResponse describe(UUID centerId, ThresholdOverride latest) {
        if (latest == null) {
            return new CenterThresholdsResponse(centerId, 0, RuleSet.DEFAULT_VERSION, Map.of(), List.of(), null, null, null);
        }
        Map<Threshold, Double> values = read(latest.thresholds);
        RuleSet rules = RuleSet.withOverrides(overrideVersion(centerId, latest.version), values);
        Map<String, Double> byName = new TreeMap<>();
        values.forEach((t, v) -> byName.put(t.name(), v));
        List<String> loosened = latest.loosened == null ? List.of() : List.of(latest.loosened.split(","));
        CenterThresholdsRequest.Approval approval = latest.approvedBy == null ? null
                : new CenterThresholdsRequest.Approval(latest.approvedBy, latest.approvalReason);
        return new CenterThresholdsResponse(centerId, latest.version, rules.version(), byName, loosened, approval,
                latest.createdBy, latest.createdAt);
    }

    private Uni<Boolean> requireStaff(UUID centerId, Caller caller, String... roles) {
        return access.standing(centerId, caller, roles).flatMap(standing -> switch (standing) {
        case ACTS -> Uni.createFrom().item(true);
        case SEES -> Uni.createFrom().failure(
                ProblemException.forbidden("Your role at this center may not change its thresholds."));
        case NONE -> Uni.createFrom().failure(ProblemException.notFound("Center"));
        });
    }

    /** Unknown names are a 400; values outside a threshold's range a 422, naming the range. */
    static Map<Threshold, Double> parse(Map<String, Double> requested) {
        Map<Threshold, Double> parsed = new EnumMap<>(Threshold.class);
        List<Problem.FieldError> unknown = new ArrayList<>();
        for (Map.Entry<String, Double> entry : requested.entrySet()) {
            try {
                parsed.put(Threshold.valueOf(entry.getKey()), entry.getValue());
            } catch (IllegalArgumentException e) {
                unknown.add(new Problem.FieldError("thresholds." + entry.getKey(), "is not a threshold of the rule table"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(400, "invalid-request", "Unknown thresholds: see GET /api/v1/triage-rules.", unknown);
        }
        try {
            RuleSet.withOverrides("check", parsed);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable(e.getMessage() + ".");
        }
        return parsed;
    }

    private String write(Map<Threshold, Double> values) {
        Map<String, Double> byName = new TreeMap<>();
        values.forEach((t, v) -> byName.put(t.name(), v));
        try {
            return json.writeValueAsString(byName);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<Threshold, Double> read(String stored) {
        try {
            Map<Threshold, Double> values = new EnumMap<>(Threshold.class);
            json.readValue(stored, THRESHOLDS).forEach((name, value) -> values.put(Threshold.valueOf(name), value));
            return values;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored thresholds are unreadable", e);
        }
    }
}
