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

import org.cartcompanion.patient.patient.service.PatientAccess;
import org.cartcompanion.patient.triage.EmergencyRule;
import org.cartcompanion.patient.triage.GlobalRule;
import org.cartcompanion.patient.triage.MatrixRow;
import org.cartcompanion.patient.triage.Modifier;
import org.cartcompanion.patient.triage.RuleSet;
import org.cartcompanion.patient.triage.Threshold;
import org.cartcompanion.patient.triagerules.ThresholdOverride;
import org.cartcompanion.patient.triagerules.repository.ThresholdOverrideRepository;
import org.cartcompanion.patient.triagerules.rest.CenterThresholdsResponse;
import org.cartcompanion.patient.triagerules.rest.RuleTableResponse;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
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
            thresholds.add(new RuleTableResponse.ThresholdEntry(t.name(), t.defaultValue(), t.min(), t.max(), t.unit(),
                    t.description()));
        }
        return new RuleTableResponse(RuleSet.DEFAULT_VERSION, rules, thresholds);
    }

    /** The center's thresholds in force, for its staff. */
    @WithSession
    public Uni<CenterThresholdsResponse> current(UUID centerId, Caller caller) {
        return requireStaff(centerId, caller)
                .flatMap(ok -> overrides.latest(centerId))
                .map(latest -> describe(centerId, latest));
    }

    /** Saves a new version of the center's overrides (a coordinator on the center's staff). */
    @WithTransaction
    public Uni<CenterThresholdsResponse> save(UUID centerId, Map<String, Double> requested, Caller caller) {
        Map<Threshold, Double> parsed = parse(requested);
        return requireStaff(centerId, caller)
                .flatMap(ok -> overrides.latest(centerId))
                .flatMap(latest -> {
                    ThresholdOverride next = new ThresholdOverride();
                    next.centerId = centerId;
                    next.version = latest == null ? 1 : latest.version + 1;
                    next.thresholds = write(parsed);
                    next.createdBy = caller.subject();
                    next.createdAt = clock.instant();
                    return overrides.persistAndFlush(next);
                })
                .map(saved -> describe(centerId, saved));
    }

    /** The rules a center's check-ins are triaged with. */
    @WithSession
    public Uni<RuleSet> ruleSetFor(UUID centerId) {
        return overrides.latest(centerId).map(latest -> latest == null
                ? RuleSet.DEFAULT
                : RuleSet.withOverrides(overrideVersion(centerId, latest.version), read(latest.thresholds)));
    }

    static String overrideVersion(UUID centerId, int version) {
        return centerId + ".v" + version;
    }

    private CenterThresholdsResponse describe(UUID centerId, ThresholdOverride latest) {
        if (latest == null) {
            return new CenterThresholdsResponse(centerId, 0, RuleSet.DEFAULT_VERSION, Map.of(), null, null);
        }
        Map<Threshold, Double> values = read(latest.thresholds);
        RuleSet rules = RuleSet.withOverrides(overrideVersion(centerId, latest.version), values);
        Map<String, Double> byName = new TreeMap<>();
        values.forEach((t, v) -> byName.put(t.name(), v));
        return new CenterThresholdsResponse(centerId, latest.version, rules.version(), byName, latest.createdBy,
                latest.createdAt);
    }

    private Uni<Boolean> requireStaff(UUID centerId, Caller caller) {
        return access.isCenterStaff(centerId, caller).flatMap(staff -> staff
                ? Uni.createFrom().item(true)
                : Uni.createFrom().failure(ProblemException.notFound("Center")));
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
