package org.cartcompanion.patient.infection.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.infection.InfectionCodes.BmtCtnSeverity;
import org.cartcompanion.patient.infection.InfectionCodes.Outcome;
import org.cartcompanion.patient.infection.repository.InfectionEventRepository;
import org.cartcompanion.patient.infection.rest.InfectionEventBody;
import org.cartcompanion.patient.infection.rest.InfectionEventResponse;
import org.cartcompanion.patient.patient.service.PatientAccess;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * A center's infection records for a date range, as CSV for spreadsheets and registry data managers, and as a FHIR R4
 * collection Bundle (Patient by id only, Condition per infection, Observation per lab value at onset). No names or contact
 * details leave in an export.
 */
@ApplicationScoped
public class InfectionExport {

    static final String SNOMED = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String PATIENT_ID_SYSTEM = "urn:cart-companion:patient-id";
    static final int MAX_DAYS = 3_660;

    private final InfectionEventRepository events;
    private final InfectionService infections;
    private final PatientAccess access;
    private final ObjectMapper json;

    public InfectionExport(InfectionEventRepository events, InfectionService infections, PatientAccess access,
            ObjectMapper json) {
        this.events = events;
        this.infections = infections;
        this.access = access;
        this.json = json;
    }

    /** Parses the query here, so that a malformed value is a 400 naming it rather than JAX-RS's 404. */
    @WithSession
    public Uni<List<InfectionEventResponse>> records(String centerParam, String fromParam, String toParam, Caller caller) {
        if (centerParam == null || fromParam == null || toParam == null) {
            throw ProblemException.badRequest("centerId, from and to are required.");
        }
        UUID centerId;
        LocalDate from;
        LocalDate to;
        try {
            centerId = UUID.fromString(centerParam);
            from = LocalDate.parse(fromParam);
            to = LocalDate.parse(toParam);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("centerId must be a UUID and from, to dates (YYYY-MM-DD).");
        }
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ProblemException.badRequest("from must not be after to, and the range at most 10 years.");
        }
        return access.isCenterStaff(centerId, caller).flatMap(staff -> {
            if (!staff) {
                return Uni.createFrom().failure(ProblemException.notFound("Center"));
            }
            return events.ofCenter(centerId, from, to).map(list -> list.stream().map(infections::toResponse).toList());
        });
    }

    public String csv(List<InfectionEventResponse> records) {
        StringBuilder out = new StringBuilder("event_id,patient_id,center_id,onset_date,diagnosis_date,day_post_infusion,"
                + "timing_buckets,phase_at_onset,pathogen_class,organisms,sites,documentation_level,severity_ctcae,"
                + "severity_bmtctn,anc_at_onset,neutropenic_at_onset,igg_at_onset,cd4_at_onset,prophylaxis_active,"
                + "breakthrough_on_prophylaxis,attribution,care_setting,detected_by,treatment_required,hospitalized,icu,"
                + "outcome,death_attributed_to_infection,covid_test,same_infection_of,cibmtr_reportable\r\n");
        for (InfectionEventResponse r : records) {
            InfectionEventBody b = r.recorded();
            List<String> cells = List.of(str(r.id()), str(r.patientId()), str(r.centerId()), str(b.onsetDate()),
                    str(b.diagnosisDate()), str(r.dayPostInfusion()), String.join(" ", r.timingBuckets()),
                    str(r.phaseAtOnset()),
                    str(b.pathogenClass()),
                    String.join("; ", b.organisms().stream().map(o -> o.code() + " " + o.display()).toList()),
                    String.join(" ", b.sites().stream().map(Enum::name).toList()), str(b.documentationLevel()),
                    str(b.severityCtcae()), str(b.severityBmtCtn()), str(b.ancAtOnset()), str(r.neutropenicAtOnset()),
                    str(b.iggAtOnset()), str(b.cd4AtOnset()),
                    String.join("; ", b.prophylaxisActive().stream()
                            .map(c -> c.prophylaxisClass() + (c.agent() == null ? "" : " " + c.agent())).toList()),
                    str(r.breakthroughOnProphylaxis()), str(b.attribution()), str(b.careSetting()), str(b.detectedBy()),
                    str(b.treatmentRequired()), str(b.hospitalized()), str(b.icu()), str(b.outcome()),
                    str(b.deathAttributedToInfection()), str(b.covidTest()), str(b.sameInfectionOf()),
                    str(r.cibmtrReportable()));
            out.append(String.join(",", cells.stream().map(InfectionExport::escape).toList())).append("\r\n");
        }
        return out.toString();
    }

    public String fhirBundle(List<InfectionEventResponse> records, String baseUrl) {
        ObjectNode bundle = json.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("id", UUID.randomUUID().toString());
        bundle.put("type", "collection");
        bundle.put("timestamp", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).withNano(0).toString());
        ArrayNode entries = bundle.putArray("entry");
        java.util.Set<UUID> patients = new java.util.LinkedHashSet<>();
        records.forEach(r -> patients.add(r.patientId()));
        for (UUID patientId : patients) {
            ObjectNode patient = json.createObjectNode();
            patient.put("resourceType", "Patient");
            patient.put("id", patientId.toString());
            ObjectNode identifier = patient.putArray("identifier").addObject();
            identifier.put("system", PATIENT_ID_SYSTEM);
            identifier.put("value", patientId.toString());
            entry(entries, baseUrl, "Patient", patientId.toString(), patient);
        }
        for (InfectionEventResponse r : records) {
            entry(entries, baseUrl, "Condition", r.id().toString(), condition(r));
            observation(entries, baseUrl, r, "anc", r.recorded().ancAtOnset(), "751-8",
                    "Neutrophils [#/volume] in Blood by Automated count", "/uL");
            observation(entries, baseUrl, r, "igg", r.recorded().iggAtOnset(), "2465-3", "IgG [Mass/volume] in Serum",
                    "mg/dL");
            observation(entries, baseUrl, r, "cd4", r.recorded().cd4AtOnset(), "24467-3",
                    "CD3+CD4+ (T4 helper) cells [#/volume] in Blood", "/uL");
        }
        return bundle.toString();
    }

    private ObjectNode condition(InfectionEventResponse r) {
        InfectionEventBody b = r.recorded();
        ObjectNode c = json.createObjectNode();
        c.put("resourceType", "Condition");
        c.put("id", r.id().toString());
        boolean active = b.outcome() == Outcome.ONGOING || b.outcome() == Outcome.CHRONIC;
        c.set("clinicalStatus", concept("http://terminology.hl7.org/CodeSystem/condition-clinical",
                active ? "active" : "resolved", active ? "Active" : "Resolved"));
        c.set("verificationStatus", concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed",
                "Confirmed"));
        c.putArray("category").add(concept("http://terminology.hl7.org/CodeSystem/condition-category", "encounter-diagnosis",
                "Encounter Diagnosis"));
        if (b.severityBmtCtn() != null) {
            c.set("severity", severity(b.severityBmtCtn()));
        }
        ObjectNode code = concept(SNOMED, "40733004", "Infectious disease");
        StringBuilder text = new StringBuilder(b.pathogenClass().name().toLowerCase().replace('_', ' ') + " infection");
        b.organisms().forEach(o -> {
            ObjectNode coding = ((ArrayNode) code.get("coding")).addObject();
            coding.put("system", SNOMED);
            coding.put("code", o.code());
            coding.put("display", o.display());
        });
        if (!b.organisms().isEmpty()) {
            text.append(": ")
                    .append(String.join(", ", b.organisms().stream().map(InfectionEventBody.Organism::display).toList()));
        }
        code.put("text", text.toString());
        c.set("code", code);
        if (!b.sites().isEmpty()) {
            ArrayNode sites = c.putArray("bodySite");
            b.sites().forEach(site -> sites.addObject().put("text", site.name().toLowerCase().replace('_', ' ')));
        }
        c.putObject("subject").put("reference", "Patient/" + r.patientId());
        c.put("onsetDateTime", b.onsetDate().toString());
        c.put("recordedDate", b.diagnosisDate().toString());
        String note = "Day " + r.dayPostInfusion() + " after CAR-T infusion (" + r.phaseAtOnset() + "); CTCAE grade "
                + b.severityCtcae() + "; " + (r.breakthroughOnProphylaxis() ? "breakthrough on prophylaxis" : "no breakthrough")
                + "; CIBMTR " + (r.cibmtrReportable() ? "reportable" : "not reportable");
        c.putArray("note").addObject().put("text", note);
        return c;
    }

    private void observation(ArrayNode entries, String baseUrl, InfectionEventResponse r, String suffix, Integer value,
            String loinc, String display, String unit) {
        if (value == null) {
            return;
        }
        String id = UUID.nameUUIDFromBytes((r.id() + "/" + suffix).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        ObjectNode o = json.createObjectNode();
        o.put("resourceType", "Observation");
        o.put("id", id);
        o.put("status", "final");
        o.putArray("category").add(concept("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory",
                "Laboratory"));
        o.set("code", concept(LOINC, loinc, display));
        o.putObject("subject").put("reference", "Patient/" + r.patientId());
        o.putArray("focus").addObject().put("reference", "Condition/" + r.id());
        o.put("effectiveDateTime", r.recorded().onsetDate().toString());
        ObjectNode quantity = o.putObject("valueQuantity");
        quantity.put("value", value);
        quantity.put("unit", unit);
        quantity.put("system", UCUM);
        quantity.put("code", unit);
        entry(entries, baseUrl, "Observation", id, o);
    }

    private ObjectNode severity(BmtCtnSeverity severity) {
        return switch (severity) {
        case MODERATE -> concept(SNOMED, "6736007", "Moderate");
        case SEVERE -> concept(SNOMED, "24484000", "Severe");
        case LIFE_THREATENING -> concept(SNOMED, "442452003", "Life threatening severity");
        case FATAL -> concept(SNOMED, "399166001", "Fatal");
        };
    }

    private ObjectNode concept(String system, String code, String display) {
        ObjectNode concept = json.createObjectNode();
        ObjectNode coding = concept.putArray("coding").addObject();
        coding.put("system", system);
        coding.put("code", code);
        coding.put("display", display);
        return concept;
    }

    private static void entry(ArrayNode entries, String baseUrl, String type, String id, ObjectNode resource) {
        ObjectNode entry = entries.addObject();
        entry.put("fullUrl", baseUrl + "/" + type + "/" + id);
        entry.set("resource", resource);
    }

    private static String str(Object value) {
        return value == null ? "" : value.toString();
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so spreadsheets do not execute it. */
    static String escape(String cell) {
        String safe = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+") ? "'" + cell : cell;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
