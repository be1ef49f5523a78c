package org.cartcompanion.patient.checkin.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.checkin.CheckInRecord;
import org.cartcompanion.patient.clinical.ClinicalStatusRecord;
import org.cartcompanion.patient.outbox.OutboxEvent;
import org.cartcompanion.patient.patient.Disease;
import org.cartcompanion.patient.patient.Language;
import org.cartcompanion.patient.patient.Patient;
import org.cartcompanion.patient.patient.PatientStatus;
import org.cartcompanion.patient.patient.Product;
import org.cartcompanion.patient.timeline.Phase;
import org.cartcompanion.patient.triage.Disposition;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What a check-in reads and writes, on the reactive PostgreSQL client rather than through Hibernate: the check-in is the
 * service's hot path, and a Hibernate session for it cost a fifth of the service's CPU and ten sequential round trips (issue
 * 19's profile). The reads of each step go out together on one connection (the client pipelines them) and come back in one
 * round trip; the check-in and its outbox event are one statement, so they commit together or not at all.
 * <p>
 * Each read returns the same entity values as Hibernate's mapping of the same row (CheckInStoreTest compares them field by
 * field): the rest of the service, and the triage rules, see no difference.
 */
@ApplicationScoped
public class CheckInStore {

    private static final String PATIENT = "SELECT id, center_id, subject, display_name, birth_year, time_zone, infusion_date,"
            + " second_dose_date, product, disease, external_id, phone, email, language, enrolled_by, created_at, updated_at,"
            + " status, status_reason, status_changed_by, status_changed_at, heartbeat_at, version FROM patient WHERE id = $1";
    private static final String LINKED = "SELECT EXISTS (SELECT 1 FROM caregiver_link WHERE patient_id = $1 AND subject = $2)";
    private static final String CHECK_IN_COLUMNS = "id, patient_id, idempotency_key, request_hash, reported_by,"
            + " reporter_subject, recorded_at, received_at, temperature_value, temperature_unit, temperature_method,"
            + " temperature_c, antipyretic_last_6h, spo2, heart_rate, systolic_bp, respiratory_rate, symptoms,"
            + " stools_above_baseline, ice_score, note, day_post_infusion, phase, disposition, fired_rules, rule_set_version,"
            + " instructions, call_number, alert_requested";
    private static final String BY_KEY = "SELECT " + CHECK_IN_COLUMNS
            + " FROM check_in WHERE patient_id = $1 AND idempotency_key = $2";
    private static final String LATEST_OVERRIDE = "SELECT version, thresholds FROM triage_threshold_override"
            + " WHERE center_id = (SELECT center_id FROM patient WHERE id = $1) ORDER BY version DESC LIMIT 1";
    private static final String STATUS = "SELECT patient_id, anc_per_ul, anc_date, platelets_per_ul, platelets_date,"
            + " igg_mg_dl, igg_date, ivig_last_date, cd4_per_ul, steroids_last_date, tocilizumab_last_date, max_crs_grade,"
            + " max_icans_grade, iec_hs_history, icaht_active, prophylaxis_antibacterial, prophylaxis_antiviral,"
            + " prophylaxis_pjp, prophylaxis_antifungal, central_line, caregiver_present, prior_lines, prior_allo_hct,"
            + " frail_or_comorbid, baseline_ice_score, baseline_spo2, baseline_systolic_bp, travel_minutes_to_center,"
            + " updated_by, updated_at, version FROM clinical_status WHERE patient_id = $1";
    /** At most fifty, more than any patient sends in the window, so one busy record cannot slow every check-in. */
    private static final String RECORDED_BETWEEN = "SELECT recorded_at, temperature_c, symptoms FROM check_in"
            + " WHERE patient_id = $1 AND recorded_at >= $2 AND recorded_at < $3 ORDER BY recorded_at DESC LIMIT 50";
    private static final String RECENT_ANC = "SELECT result_date, value FROM lab_result"
            + " WHERE patient_id = $1 AND type = 'ANC' AND result_date IS NOT NULL ORDER BY recorded_at DESC, id DESC LIMIT $2";
    private static final String INFECTIONS_SINCE = "SELECT diagnosis_date, sites, same_infection_of FROM infection_event"
            + " WHERE patient_id = $1 AND diagnosis_date >= $2";
    private static final String INSERT_CHECK_IN = "INSERT INTO check_in (" + CHECK_IN_COLUMNS + ") VALUES ($1, $2, $3, $4,"
            + " $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27,"
            + " $28, $29)";
    /** The check-in and its event in one statement: both are stored, or neither. */
    private static final String INSERT_CHECK_IN_AND_EVENT = "WITH stored AS (" + INSERT_CHECK_IN + " RETURNING id)"
            + " INSERT INTO outbox_event (id, event_type, aggregate_id, payload, created_at, attempts, next_attempt_at)"
            + " SELECT $30, $31, stored.id, $32, $33, 0, $34 FROM stored";

    private final Pool pool;

    public CheckInStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * What deciding on a check-in starts from: the patient (null when unknown), whether the caller is a caregiver linked to
     * them (false when the caller is no caregiver), the check-in already stored under the key (null when none), the center's
     * latest threshold override (null when none) and the clinical status (null when none is kept).
     */
    public record Start(Patient patient, boolean linked, CheckInRecord stored, Thresholds thresholds,
            ClinicalStatusRecord status) {
    }

    /** A center's latest thresholds: their version and the stored values (JSON). */
    public record Thresholds(int version, String thresholds) {
    }

    /** The patient's history triage reads: earlier check-ins newest first, ANC results newest recorded first, infections. */
    public record History(List<CheckInRepository.Reading> earlier, List<Anc> anc, List<Infection> infections) {
    }

    /** A dated ANC result. */
    public record Anc(LocalDate resultDate, int value) {
    }

    /** What triage reads of an infection record: its sites are the stored JSON array. */
    public record Infection(LocalDate diagnosisDate, String sites, UUID sameInfectionOf) {
    }

    /**
     * The reads that start a check-in under {@code key}; {@code caregiver} is the caller's subject when the caller is a
     * caregiver (whether they are linked is read), null otherwise.
     */
    public Uni<Start> start(UUID patientId, String caregiver, String key) {
        return start(patientId, caregiver, key, true);
    }

    /** As {@link #start(UUID, String, String)} for a read that stores nothing: no check-in is looked up. */
    public Uni<Start> start(UUID patientId, String caregiver) {
        return start(patientId, caregiver, null, false);
    }

    private Uni<Start> start(UUID patientId, String caregiver, String key, boolean byKey) {
        return pool.withConnection(c -> Uni.combine().all()
                .unis(one(c, PATIENT, Tuple.of(patientId), CheckInStore::patient),
                        caregiver == null ? Uni.createFrom().item(false)
                                : c.preparedQuery(LINKED).execute(Tuple.of(patientId, caregiver))
                                        .map(rows -> rows.iterator().next().getBoolean(0)),
                        byKey ? one(c, BY_KEY, Tuple.of(patientId, key), CheckInStore::checkIn)
                                : Uni.createFrom().<CheckInRecord> nullItem(),
                        one(c, LATEST_OVERRIDE, Tuple.of(patientId),
                                r -> new Thresholds(r.getInteger("version"), r.getString("thresholds"))),
                        one(c, STATUS, Tuple.of(patientId), CheckInStore::status))
                .asTuple().map(t -> new Start(t.getItem1(), t.getItem2(), t.getItem3(), t.getItem4(), t.getItem5())));
    }

    /** Check-ins recorded in [from, to), ANC results (the latest {@code ancCount}) and infections diagnosed since a day. */
    public Uni<History> history(UUID patientId, Instant from, Instant to, int ancCount, LocalDate infectionsFrom) {
        return pool.withConnection(c -> Uni.combine().all()
                .unis(all(c, RECORDED_BETWEEN, Tuple.of(patientId, utc(from), utc(to)),
                        r -> new CheckInRepository.Reading(instant(r, "recorded_at"), r.getBigDecimal("temperature_c"),
                                r.getString("symptoms"))),
                        all(c, RECENT_ANC, Tuple.of(patientId, ancCount),
                                r -> new Anc(r.getLocalDate("result_date"), r.getInteger("value"))),
                        all(c, INFECTIONS_SINCE, Tuple.of(patientId, infectionsFrom),
                                r -> new Infection(r.getLocalDate("diagnosis_date"), r.getString("sites"),
                                        r.getUUID("same_infection_of"))))
                .asTuple().map(t -> new History(t.getItem1(), t.getItem2(), t.getItem3())));
    }

    /** The check-in under the patient's key, or null. */
    public Uni<CheckInRecord> byKey(UUID patientId, String key) {
        return pool.withConnection(c -> one(c, BY_KEY, Tuple.of(patientId, key), CheckInStore::checkIn));
    }

    /** Stores the check-in and, when there is one, its outbox event, in one statement (one transaction). */
    public Uni<Void> insert(CheckInRecord c, OutboxEvent event) {
        Tuple values = Tuple.tuple().addValue(c.id).addValue(c.patientId).addValue(c.idempotencyKey).addValue(c.requestHash)
                .addValue(c.reportedBy.name()).addValue(c.reporterSubject).addValue(utc(c.recordedAt))
                .addValue(utc(c.receivedAt)).addValue(c.temperatureValue).addValue(c.temperatureUnit)
                .addValue(c.temperatureMethod).addValue(c.temperatureC).addValue(c.antipyreticLast6h).addValue(c.spo2)
                .addValue(c.heartRate).addValue(c.systolicBp).addValue(c.respiratoryRate).addValue(c.symptoms)
                .addValue(c.stoolsAboveBaseline).addValue(c.iceScore).addValue(c.note).addValue(c.dayPostInfusion)
                .addValue(c.phase.name()).addValue(c.disposition.name()).addValue(c.firedRules).addValue(c.ruleSetVersion)
                .addValue(c.instructions).addValue(c.callNumber).addValue(c.alertRequested);
        if (event == null) {
            return pool.preparedQuery(INSERT_CHECK_IN).execute(values).replaceWithVoid();
        }
        values.addValue(event.id).addValue(event.eventType).addValue(event.payload).addValue(utc(event.createdAt))
                .addValue(utc(event.nextAttemptAt));
        return pool.preparedQuery(INSERT_CHECK_IN_AND_EVENT).execute(values).replaceWithVoid();
    }

    private static <T> Uni<T> one(SqlConnection c, String sql, Tuple args, Function<Row, T> map) {
        return c.preparedQuery(sql).execute(args).map(rows -> {
            var found = rows.iterator();
            return found.hasNext() ? map.apply(found.next()) : null;
        });
    }

    private static <T> Uni<List<T>> all(SqlConnection c, String sql, Tuple args, Function<Row, T> map) {
        return c.preparedQuery(sql).execute(args).map((RowSet<Row> rows) -> {
            List<T> list = new ArrayList<>(rows.size());
            rows.forEach(r -> list.add(map.apply(r)));
            return list;
        });
    }

    private static Patient patient(Row r) {
        Patient p = new Patient();
        p.id = r.getUUID("id");
        p.centerId = r.getUUID("center_id");
        p.subject = r.getString("subject");
        p.displayName = r.getString("display_name");
        p.birthYear = r.getInteger("birth_year");
        p.timeZone = r.getString("time_zone");
        p.infusionDate = r.getLocalDate("infusion_date");
        p.secondDoseDate = r.getLocalDate("second_dose_date");
        p.product = Product.valueOf(r.getString("product"));
        p.disease = Disease.valueOf(r.getString("disease"));
        p.externalId = r.getString("external_id");
        p.phone = r.getString("phone");
        p.email = r.getString("email");
        p.language = Language.valueOf(r.getString("language"));
        p.enrolledBy = r.getString("enrolled_by");
        p.createdAt = instant(r, "created_at");
        p.updatedAt = instant(r, "updated_at");
        p.status = PatientStatus.valueOf(r.getString("status"));
        p.statusReason = r.getString("status_reason");
        p.statusChangedBy = r.getString("status_changed_by");
        p.statusChangedAt = instant(r, "status_changed_at");
        p.heartbeatAt = instant(r, "heartbeat_at");
        p.version = r.getLong("version");
        return p;
    }

    private static CheckInRecord checkIn(Row r) {
        CheckInRecord c = new CheckInRecord();
        c.id = r.getUUID("id");
        c.patientId = r.getUUID("patient_id");
        c.idempotencyKey = r.getString("idempotency_key");
        c.requestHash = r.getString("request_hash");
        c.reportedBy = CheckInRecord.Reporter.valueOf(r.getString("reported_by"));
        c.reporterSubject = r.getString("reporter_subject");
        c.recordedAt = instant(r, "recorded_at");
        c.receivedAt = instant(r, "received_at");
        c.temperatureValue = r.getBigDecimal("temperature_value");
        c.temperatureUnit = r.getString("temperature_unit");
        c.temperatureMethod = r.getString("temperature_method");
        c.temperatureC = r.getBigDecimal("temperature_c");
        c.antipyreticLast6h = r.getBoolean("antipyretic_last_6h");
        c.spo2 = r.getInteger("spo2");
        c.heartRate = r.getInteger("heart_rate");
        c.systolicBp = r.getInteger("systolic_bp");
        c.respiratoryRate = r.getInteger("respiratory_rate");
        c.symptoms = r.getString("symptoms");
        c.stoolsAboveBaseline = r.getInteger("stools_above_baseline");
        c.iceScore = r.getInteger("ice_score");
        c.note = r.getString("note");
        c.dayPostInfusion = r.getInteger("day_post_infusion");
        c.phase = Phase.valueOf(r.getString("phase"));
        c.disposition = Disposition.valueOf(r.getString("disposition"));
        c.firedRules = r.getString("fired_rules");
        c.ruleSetVersion = r.getString("rule_set_version");
        c.instructions = r.getString("instructions");
        c.callNumber = r.getString("call_number");
        c.alertRequested = r.getBoolean("alert_requested");
        return c;
    }

    private static ClinicalStatusRecord status(Row r) {
        ClinicalStatusRecord s = new ClinicalStatusRecord();
        s.patientId = r.getUUID("patient_id");
        s.ancPerUl = r.getInteger("anc_per_ul");
        s.ancDate = r.getLocalDate("anc_date");
        s.plateletsPerUl = r.getInteger("platelets_per_ul");
        s.plateletsDate = r.getLocalDate("platelets_date");
        s.iggMgDl = r.getInteger("igg_mg_dl");
        s.iggDate = r.getLocalDate("igg_date");
        s.ivigLastDate = r.getLocalDate("ivig_last_date");
        s.cd4PerUl = r.getInteger("cd4_per_ul");
        s.steroidsLastDate = r.getLocalDate("steroids_last_date");
        s.tocilizumabLastDate = r.getLocalDate("tocilizumab_last_date");
        s.maxCrsGrade = r.getInteger("max_crs_grade");
        s.maxIcansGrade = r.getInteger("max_icans_grade");
        s.iecHsHistory = r.getBoolean("iec_hs_history");
        s.icahtActive = r.getBoolean("icaht_active");
        s.prophylaxisAntibacterial = r.getBoolean("prophylaxis_antibacterial");
        s.prophylaxisAntiviral = r.getBoolean("prophylaxis_antiviral");
        s.prophylaxisPjp = r.getBoolean("prophylaxis_pjp");
        s.prophylaxisAntifungal = r.getBoolean("prophylaxis_antifungal");
        s.centralLine = r.getBoolean("central_line");
        s.caregiverPresent = r.getBoolean("caregiver_present");
        s.priorLines = r.getInteger("prior_lines");
        s.priorAlloHct = r.getBoolean("prior_allo_hct");
        s.frailOrComorbid = r.getBoolean("frail_or_comorbid");
        s.baselineIceScore = r.getInteger("baseline_ice_score");
        s.baselineSpo2 = r.getInteger("baseline_spo2");
        s.baselineSystolicBp = r.getInteger("baseline_systolic_bp");
        s.travelMinutesToCenter = r.getInteger("travel_minutes_to_center");
        s.updatedBy = r.getString("updated_by");
        s.updatedAt = instant(r, "updated_at");
        s.version = r.getLong("version");
        return s;
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime at = r.getOffsetDateTime(column);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
