package org.cartcompanion.patient.checkin.service;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.access.client.CareTeamDirectory;
import org.cartcompanion.patient.checkin.CheckInRecord;
import org.cartcompanion.patient.checkin.repository.CheckInRepository;
import org.cartcompanion.patient.checkin.repository.CheckInStore;
import org.cartcompanion.patient.checkin.rest.CheckInRequest;
import org.cartcompanion.patient.clinical.ClinicalStatusRecord;
import org.cartcompanion.patient.infection.InfectionCodes.Site;
import org.cartcompanion.patient.outbox.OutboxEvent;
import org.cartcompanion.patient.outbox.service.Outbox;
import org.cartcompanion.patient.patient.Language;
import org.cartcompanion.patient.patient.Patient;
import org.cartcompanion.patient.patient.service.PatientAccess;
import org.cartcompanion.patient.patient.service.PatientService;
import org.cartcompanion.patient.triage.CheckIn;
import org.cartcompanion.patient.triage.ClinicalStatus;
import org.cartcompanion.patient.triage.PatientContext;
import org.cartcompanion.patient.triage.RuleSet;
import org.cartcompanion.patient.triage.Symptom;
import org.cartcompanion.patient.triage.Temperature;
import org.cartcompanion.patient.triage.Threshold;
import org.cartcompanion.patient.triage.TriageEngine;
import org.cartcompanion.patient.triage.TriageResult;
import org.cartcompanion.patient.triage.Vitals;
import org.cartcompanion.patient.triagerules.service.TriageRulesService;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.problem.UniqueViolation;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Stores a check-in with its triage and, when a clinician must hear about it, the outbox event for alert-service — all in one
 * transaction. Triage never waits on another service: without care-team-service the patient is told to call "your CAR-T center"
 * instead of a number.
 */
@ApplicationScoped
public class CheckInService {

    static final Duration MAX_FUTURE = Duration.ofMinutes(5);
    static final Duration MAX_AGE = Duration.ofDays(7);
    static final int MAX_KEY_LENGTH = 64;
    /** How many earlier ANC results "below 1000 and falling" may look at. */
    static final int ANC_HISTORY = 10;
    private static final Set<Site> SINOPULMONARY = EnumSet.of(Site.LOWER_RESPIRATORY, Site.UPPER_RESPIRATORY, Site.SINUS);
    private static final Set<String> KNOWN_SYMPTOMS = Arrays.stream(Symptom.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());
    private static final TypeReference<List<Site>> SITES = new TypeReference<>() {
    };

    private final PatientService patients;
    private final PatientAccess access;
    private final CheckInRepository checkIns;
    private final CheckInStore store;
    private final Outbox outbox;
    private final TriageRulesService rules;
    private final CareTeamDirectory directory;
    private final ObjectMapper json;
    private final Clock clock;
    private final TriageEngine engine = new TriageEngine();

    public CheckInService(PatientService patients, PatientAccess access, CheckInRepository checkIns, CheckInStore store,
            Outbox outbox, TriageRulesService rules, CareTeamDirectory directory, ObjectMapper json, Clock clock) {
        this.patients = patients;
        this.access = access;
        this.checkIns = checkIns;
        this.store = store;
        this.outbox = outbox;
        this.rules = rules;
        this.directory = directory;
        this.json = json;
        this.clock = clock;
    }

    private record Author(Patient patient, CheckInRecord.Reporter reporter) {
    }

    /** The outcome of a POST: the stored check-in, and whether this request created it or replayed it. */
    public record Outcome(CheckInRecord checkIn, boolean replayed) {
    }

    public Uni<Outcome> checkIn(UUID patientId, String idempotencyKey, CheckInRequest request, Caller caller,
            Optional<Language> requestedLanguage) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return Uni.createFrom().failure(ProblemException.badRequest("The Idempotency-Key header is required."));
        }
        if (idempotencyKey.length() > MAX_KEY_LENGTH) {
            return Uni.createFrom().failure(ProblemException.badRequest("Idempotency-Key is longer than 64 characters."));
        }
        Instant now = clock.instant();
        Instant recordedAt = request.recordedAt().toInstant();
        if (recordedAt.isAfter(now.plus(MAX_FUTURE))) {
            return Uni.createFrom().failure(ProblemException.badRequest("recordedAt is in the future."));
        }
        if (recordedAt.isBefore(now.minus(MAX_AGE))) {
            return Uni.createFrom().failure(ProblemException.badRequest("recordedAt is more than 7 days old."));
        }
        String hash = hash(request);
        // Caregivers only: whether this one is linked to the patient.
        String caregiver = caller.has(Roles.CAREGIVER) ? caller.subject() : null;
        return store.start(patientId, caregiver, idempotencyKey)
                .flatMap(start -> author(start, caller).flatMap(author -> start.stored() != null
                        ? Uni.createFrom().item(replay(start.stored(), hash))
                        : directory.centerPhone(author.patient().centerId)
                                .flatMap(phone -> triage(start, request, phone,
                                        requestedLanguage.orElse(author.patient().language)))
                                .flatMap(t -> save(author.patient(), toRecord(author.patient(), idempotencyKey, hash, request,
                                        t.checkIn(), author.reporter(), caller, t.result(), now), t.result()))))
                .onFailure(UniqueViolation::in)
                // The same key arrived twice at once: the other copy was stored; answer as a replay.
                .recoverWithUni(() -> store.byKey(patientId, idempotencyKey).map(stored -> replay(stored, hash)))
                // Committed: hand a new alert-worthy event to the relay at once; the outbox is the guarantee.
                .invoke(outcome -> {
                    if (!outcome.replayed() && outcome.checkIn().alertRequested) {
                        outbox.deliverSoon();
                    }
                });
    }

    /**
     * Who checks in: the patient themself, or a caregiver linked to them. 404 when the caller may not see the patient at all
     * (as {@link PatientService#visible}), 404 for a caregiver not linked, 403 for anyone else who sees the patient.
     */
    private Uni<Author> author(CheckInStore.Start start, Caller caller) {
        Patient patient = start.patient();
        if (patient == null) {
            return Uni.createFrom().failure(ProblemException.notFound("Patient"));
        }
        return access.maySee(patient, caller, start.linked()).map(visible -> {
            if (!visible) {
                throw ProblemException.notFound("Patient");
            }
            if (caller.has(Roles.PATIENT) && caller.subject().equals(patient.subject)) {
                return new Author(patient, CheckInRecord.Reporter.PATIENT);
            }
            if (caller.has(Roles.CAREGIVER)) {
                if (!start.linked()) {
                    throw ProblemException.notFound("Patient");
                }
                return new Author(patient, CheckInRecord.Reporter.CAREGIVER);
            }
            throw ProblemException.forbidden("Only the patient or a linked caregiver checks in.");
        });
    }

    /** A check-in and what triage made of it. */
    private record Triaged(CheckIn checkIn, TriageResult result) {
    }

    /** Triage against the patient's context on the day of the check-in, with the center's rule set. */
    private Uni<Triaged> triage(CheckInStore.Start start, CheckInRequest request, String centerPhone, Language language) {
        Patient patient = start.patient();
        Instant recordedAt = request.recordedAt().toInstant();
        RuleSet rs = ruleSet(patient, start.thresholds());
        Duration progression = rs.hours(Threshold.PROGRESSION_WINDOW_HOURS);
        Duration temperatures = rs.hours(Threshold.TEMPERATURE_HISTORY_HOURS);
        Duration back = progression.compareTo(temperatures) >= 0 ? progression : temperatures;
        return context(patient, start.status(), rs, recordedAt.minus(back), recordedAt, centerPhone).map(context -> {
            CheckIn checkIn = toTriage(request);
            return new Triaged(checkIn, engine.triage(checkIn, context, rs, language));
        });
    }

    /** The rules in force for the patient: the default table with their center's latest overrides (null: none). */
    public RuleSet ruleSet(Patient patient, CheckInStore.Thresholds thresholds) {
        return thresholds == null ? RuleSet.DEFAULT
                : rules.ruleSet(patient.centerId, thresholds.version(), thresholds.thresholds());
    }

    /**
     * The patient as triage reads them at {@code at} (their local date then), with the check-ins recorded from
     * {@code earlierFrom} until {@code at}, their latest ANC results and the infections within M5's window.
     */
    public Uni<PatientContext> context(Patient patient, ClinicalStatusRecord status, RuleSet rs, Instant earlierFrom,
            Instant at, String centerPhone) {
        LocalDate today = at.atZone(ZoneId.of(patient.timeZone)).toLocalDate();
        LocalDate infectionsFrom = today.minusDays((long) rs.get(Threshold.SINOPULMONARY_WINDOW_DAYS));
        return store.history(patient.id, earlierFrom, at, ANC_HISTORY, infectionsFrom)
                .map(h -> new PatientContext(patient.product, patient.disease, patient.infusionDate, patient.secondDoseDate,
                        today, today.getYear() - patient.birthYear,
                        status == null ? ClinicalStatus.UNKNOWN : status.toTriage(),
                        h.earlier().stream().map(CheckInService::toEarlier).toList(),
                        h.anc().stream().map(l -> new PatientContext.LabValue(l.resultDate(), l.value())).toList(),
                        h.infections().stream().map(this::toPastInfection).toList(), centerPhone));
    }

    /** The check-in and, when a clinician must hear of it, its event for alert-service: one statement, one transaction. */
    private Uni<Outcome> save(Patient patient, CheckInRecord record, TriageResult result) {
        OutboxEvent event = result.alertRequested()
                ? outbox.event(OutboxEvent.TRIAGE_EVENT, record.id, id -> payload(id, patient, record))
                : null;
        return store.insert(record, event)
                // Debug only: the check-in is the stored record, and its access is in the audit trail; a line per check-in
                // at info cost a few per cent of the service's time under load (issue 19's profile).
                .invoke(() -> Log.debugf("Check-in %s stored for patient %s: %s (%s)", record.id, patient.id,
                        record.disposition, record.firedRules))
                .map(stored -> new Outcome(record, false));
    }

    static PatientContext.Earlier toEarlier(CheckInRepository.Reading r) {
        Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
        if (r.symptoms() != null && !r.symptoms().isBlank()) {
            Arrays.stream(r.symptoms().split(",")).filter(KNOWN_SYMPTOMS::contains).map(Symptom::valueOf)
                    .forEach(symptoms::add);
        }
        return new PatientContext.Earlier(r.recordedAt(), r.temperatureC() == null ? null : r.temperatureC().doubleValue(),
                symptoms);
    }

    private PatientContext.PastInfection toPastInfection(CheckInStore.Infection e) {
        boolean sinopulmonary;
        try {
            List<Site> sites = json.readValue(e.sites(), SITES);
            sinopulmonary = sites.stream().anyMatch(SINOPULMONARY::contains);
        } catch (JsonProcessingException unreadable) {
            // A record whose sites cannot be read counts: a missed infection could only lower a disposition.
            sinopulmonary = true;
        }
        return new PatientContext.PastInfection(e.diagnosisDate(), sinopulmonary, e.sameInfectionOf() != null);
    }

    /** The same key again: the stored check-in if the body is the same, 422 if it is not. */
    private static Outcome replay(CheckInRecord stored, String hash) {
        if (stored == null) {
            throw new ProblemException(409, "conflict", "A concurrent request with this Idempotency-Key failed; retry.");
        }
        if (!stored.requestHash.equals(hash)) {
            throw ProblemException.unprocessable("This Idempotency-Key was already used for a different check-in.");
        }
        return new Outcome(stored, true);
    }

    @WithSession
    public Uni<CheckInRecord> get(UUID patientId, UUID checkInId, Caller caller) {
        return patients.visible(patientId, caller)
                .flatMap(patient -> checkIns.findById(checkInId))
                .map(found -> {
                    if (found == null || !found.patientId.equals(patientId)) {
                        throw ProblemException.notFound("Check-in");
                    }
                    return found;
                });
    }

    /** Newest first; one look-ahead row beyond {@code limit} tells whether another page follows. */
    @WithSession
    public Uni<List<CheckInRecord>> page(UUID patientId, Caller caller, Instant beforeRecordedAt, UUID beforeId, int limit) {
        return patients.visible(patientId, caller)
                .flatMap(patient -> checkIns.page(patientId, beforeRecordedAt, beforeId, limit + 1));
    }

    static CheckIn toTriage(CheckInRequest r) {
        Temperature temperature = r.temperature() == null ? null
                : new Temperature(r.temperature().value(), r.temperature().unit(), r.temperature().method());
        Vitals vitals = r.vitals() == null ? Vitals.NONE
                : new Vitals(r.vitals().spo2(), r.vitals().heartRate(), r.vitals().systolicBp(), r.vitals().respiratoryRate());
        Set<Symptom> symptoms = r.symptoms() == null || r.symptoms().isEmpty() ? EnumSet.noneOf(Symptom.class)
                : EnumSet.copyOf(r.symptoms());
        return new CheckIn(r.recordedAt().toInstant(), temperature, r.antipyreticLast6h(), vitals, symptoms,
                r.stoolsAboveBaseline(), r.iceScore());
    }

    private CheckInRecord toRecord(Patient patient, String key, String hash, CheckInRequest request, CheckIn checkIn,
            CheckInRecord.Reporter reporter, Caller caller, TriageResult result, Instant now) {
        CheckInRecord r = new CheckInRecord();
        r.id = UUID.randomUUID();
        r.patientId = patient.id;
        r.idempotencyKey = key;
        r.requestHash = hash;
        r.reportedBy = reporter;
        r.reporterSubject = caller.subject();
        r.recordedAt = checkIn.recordedAt();
        r.receivedAt = now;
        if (checkIn.temperature() != null) {
            r.temperatureValue = BigDecimal.valueOf(checkIn.temperature().value());
            r.temperatureUnit = checkIn.temperature().unit().name();
            r.temperatureMethod = checkIn.temperature().method().name();
            r.temperatureC = BigDecimal.valueOf(checkIn.temperature().celsius());
        }
        r.antipyreticLast6h = checkIn.antipyreticLast6h();
        r.spo2 = checkIn.vitals().spo2();
        r.heartRate = checkIn.vitals().heartRate();
        r.systolicBp = checkIn.vitals().systolicBp();
        r.respiratoryRate = checkIn.vitals().respiratoryRate();
        r.symptoms = checkIn.symptoms().stream().map(Enum::name).collect(Collectors.joining(","));
        r.stoolsAboveBaseline = checkIn.stoolsAboveBaseline();
        r.iceScore = checkIn.iceScore();
        r.note = request.note();
        r.dayPostInfusion = Math.toIntExact(result.dayPostInfusion());
        r.phase = result.phase();
        r.disposition = result.disposition();
        r.firedRules = String.join(",", result.firedRules());
        r.ruleSetVersion = result.ruleSetVersion();
        r.instructions = result.instructions();
        r.callNumber = result.callNumber();
        r.alertRequested = result.alertRequested();
        return r;
    }

    /** The triage event alert-service receives for an alert-worthy check-in. */
    private static TriageEventPayload payload(UUID eventId, Patient patient, CheckInRecord checkIn) {
        return TriageEventPayload.of(eventId, patient, checkIn.id, checkIn.disposition.name(),
                List.of(checkIn.firedRules.split(",")), checkIn.dayPostInfusion, checkIn.phase.name(), summary(checkIn),
                checkIn.recordedAt, checkIn.callNumber);
    }

    /** A one-line clinical summary for the clinician's page: measurements and symptom codes, no names. */
    static String summary(CheckInRecord c) {
        List<String> parts = new ArrayList<>();
        if (c.temperatureC != null) {
            parts.add(c.temperatureC.stripTrailingZeros().toPlainString() + " °C " + c.temperatureMethod.toLowerCase());
        }
        if (c.spo2 != null) {
            parts.add("SpO2 " + c.spo2 + "%");
        }
        if (c.heartRate != null) {
            parts.add("HR " + c.heartRate);
        }
        if (c.systolicBp != null) {
            parts.add("SBP " + c.systolicBp);
        }
        if (c.respiratoryRate != null) {
            parts.add("RR " + c.respiratoryRate);
        }
        if (c.iceScore != null) {
            parts.add("ICE " + c.iceScore);
        }
        if (c.stoolsAboveBaseline != null && c.stoolsAboveBaseline > 0) {
            parts.add(c.stoolsAboveBaseline + " stools above baseline");
        }
        if (!c.symptoms.isEmpty()) {
            parts.add(c.symptoms.replace(",", ", "));
        }
        return String.join("; ", parts);
    }

    /** A canonical hash of the request: the same check-in sent twice hashes the same, whatever its formatting. */
    String hash(CheckInRequest request) {
        List<Symptom> sorted = request.symptoms() == null ? null
                : request.symptoms().stream().sorted().toList();
        CheckInRequest canonical = new CheckInRequest(request.recordedAt(), request.temperature(),
                request.antipyreticLast6h(), request.vitals(), sorted, request.stoolsAboveBaseline(), request.iceScore(),
                request.note());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
