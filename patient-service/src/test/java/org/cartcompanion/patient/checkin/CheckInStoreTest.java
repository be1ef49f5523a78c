package org.cartcompanion.patient.checkin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.cartcompanion.patient.checkin.repository.CheckInRepository;
import org.cartcompanion.patient.checkin.repository.CheckInStore;
import org.cartcompanion.patient.clinical.ClinicalStatusRecord;
import org.cartcompanion.patient.patient.Patient;
import org.cartcompanion.patient.support.CareTeamStub;
import org.cartcompanion.patient.support.Fixtures;
import org.cartcompanion.patient.support.Outbox;
import org.cartcompanion.support.testing.TestTokens;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The check-in's own reads and writes on the reactive client (CheckInStore): each entity it reads is the one Hibernate reads
 * from the same row, field by field, every field set; its history reads keep their windows and limits; and a check-in is never
 * stored without the event that pages a clinician about it.
 */
@QuarkusTest
class CheckInStoreTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Inject
    CheckInStore store;
    @Inject
    Pool pool;
    @Inject
    Mutiny.SessionFactory sessions;

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T hibernate(Class<T> type, Object id) {
        return await(() -> sessions.withSession(s -> s.find(type, id)));
    }

    /** Every instance field, public or not, of the entity's own class: a column the store forgets differs here. */
    private static void assertSameFields(Object expected, Object actual) {
        assertNotNull(actual);
        int compared = 0;
        for (Field f : expected.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic() || f.getName().startsWith("$$")) {
                continue;
            }
            f.setAccessible(true);
            try {
                assertEquals(f.get(expected), f.get(actual), f.getName());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            compared++;
        }
        assertThat(compared, greaterThanOrEqualTo(20));
    }

    private static void assertNoNullField(Object entity) {
        for (Field f : entity.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic() || f.getName().startsWith("$$")) {
                continue;
            }
            f.setAccessible(true);
            try {
                assertNotNull(f.get(entity), f.getName() + " is set, so that a column read into the wrong field shows");
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void whatTheStoreReadsIsWhatHibernateReadsFieldByField() {
        UUID center = UUID.randomUUID();
        String subject = Fixtures.unique("patient");
        UUID id = UUID.fromString(Fixtures.enroll(center, subject, LocalDate.now(CHICAGO).minusDays(40)));
        CareTeamStub.center(center, "Store Center", "+15550177");
        // Every nullable column set, each to a value no other column of the same type has.
        pool.preparedQuery("UPDATE patient SET second_dose_date = infusion_date + 12, status_reason = 'moved',"
                + " status_changed_by = 'coord-x', status_changed_at = now() - interval '1 day' WHERE id = $1")
                .executeAndAwait(Tuple.of(id));
        pool.preparedQuery("""
                INSERT INTO clinical_status (patient_id, anc_per_ul, anc_date, platelets_per_ul, platelets_date, igg_mg_dl,
                  igg_date, ivig_last_date, cd4_per_ul, steroids_last_date, tocilizumab_last_date, max_crs_grade,
                  max_icans_grade, iec_hs_history, icaht_active, prophylaxis_antibacterial, prophylaxis_antiviral,
                  prophylaxis_pjp, prophylaxis_antifungal, central_line, caregiver_present, prior_lines, prior_allo_hct,
                  frail_or_comorbid, baseline_ice_score, baseline_spo2, baseline_systolic_bp, travel_minutes_to_center,
                  updated_by, updated_at, version)
                VALUES ($1, 1101, current_date - 1, 1202, current_date - 2, 303, current_date - 3, current_date - 4, 404,
                  current_date - 5, current_date - 6, 2, 3, true, false, true, false, true, false, true, false, 4, true,
                  false, 9, 95, 101, 77, 'coord-y', now() - interval '2 hours', 6)""").executeAndAwait(Tuple.of(id));
        pool.preparedQuery("INSERT INTO triage_threshold_override (center_id, version, thresholds, created_by, created_at)"
                + " VALUES ($1, 1, '{\"FEVER_C\":37.9}', 'lead', now()), ($1, 2, '{\"FEVER_C\":37.8}', 'lead', now())")
                .executeAndAwait(Tuple.of(center));
        String caregiver = Fixtures.unique("caregiver");
        Fixtures.linkCaregiver(id.toString(), subject, caregiver);
        String key = UUID.randomUUID().toString();
        String checkInId = given().auth().oauth2(TestTokens.token(subject, "patient")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body("""
                        {"recordedAt":"%s","temperature":{"value":100.25,"unit":"F","method":"ORAL"},
                         "antipyreticLast6h":true,"vitals":{"spo2":93,"heartRate":118,"systolicBp":96,"respiratoryRate":24},
                         "symptoms":["COUGH","RIGORS"],"stoolsAboveBaseline":3,"iceScore":8,"note":"tired"}"""
                        .formatted(OffsetDateTime.now(CHICAGO).minusMinutes(2).truncatedTo(ChronoUnit.SECONDS)))
                .post("/api/v1/patients/" + id + "/check-ins").then().statusCode(201).extract().path("id");

        CheckInStore.Start start = await(() -> store.start(id, caregiver, key));
        Patient patient = hibernate(Patient.class, id);
        assertNoNullField(patient);
        assertSameFields(patient, start.patient());
        ClinicalStatusRecord status = hibernate(ClinicalStatusRecord.class, id);
        assertNoNullField(status);
        assertSameFields(status, start.status());
        CheckInRecord checkIn = hibernate(CheckInRecord.class, UUID.fromString(checkInId));
        assertNoNullField(checkIn);
        // What was stored is what was sent, each value in its own column.
        assertEquals(0, new BigDecimal("100.25").compareTo(checkIn.temperatureValue));
        assertEquals("F", checkIn.temperatureUnit);
        assertEquals("ORAL", checkIn.temperatureMethod);
        assertEquals(0, new BigDecimal("37.92").compareTo(checkIn.temperatureC));
        assertEquals(
                List.of(true, 93, 118, 96, 24, 3, 8, "tired", "RIGORS,COUGH", CheckInRecord.Reporter.PATIENT, subject, key),
                java.util.Arrays.asList(checkIn.antipyreticLast6h, checkIn.spo2, checkIn.heartRate, checkIn.systolicBp,
                        checkIn.respiratoryRate, checkIn.stoolsAboveBaseline, checkIn.iceScore, checkIn.note,
                        checkIn.symptoms, checkIn.reportedBy, checkIn.reporterSubject, checkIn.idempotencyKey));
        assertEquals("+15550177", checkIn.callNumber);
        assertSameFields(checkIn, start.stored());
        assertSameFields(checkIn, await(() -> store.byKey(id, key)));
        assertTrue(start.linked());
        assertEquals(new CheckInStore.Thresholds(2, "{\"FEVER_C\":37.8}"), start.thresholds());

        CheckInStore.Start stranger = await(() -> store.start(id, Fixtures.unique("caregiver"), "another key"));
        assertFalse(stranger.linked());
        assertNull(stranger.stored());
        CheckInStore.Start nobody = await(() -> store.start(UUID.randomUUID(), caregiver, key));
        assertNull(nobody.patient());
        assertNull(nobody.status());
        assertNull(nobody.thresholds());
        assertFalse(nobody.linked());
    }

    @Test
    void theHistoryKeepsItsWindowsOrderAndLimits() {
        UUID center = UUID.randomUUID();
        String subject = Fixtures.unique("patient");
        UUID id = UUID.fromString(Fixtures.enroll(center, subject, LocalDate.now(CHICAGO).minusDays(150)));
        Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant from = to.minus(24, ChronoUnit.HOURS);
        // 55 check-ins inside the window, one exactly at its start (in), one at its end (out), one just before it (out).
        for (int i = 0; i < 55; i++) {
            checkIn(id, to.minus(10 + i, ChronoUnit.MINUTES), i == 0 ? new BigDecimal("38.25") : null,
                    i == 0 ? "COUGH,RIGORS" : "");
        }
        checkIn(id, from, null, "");
        checkIn(id, to, null, "NEW_RASH");
        checkIn(id, from.minusSeconds(1), null, "");
        // ANC: twelve dated results and one undated; newest recorded first, ten at most.
        for (int i = 0; i < 12; i++) {
            lab(id, 500 + i, LocalDate.now().minusDays(12 - i), to.minus(12 - i, ChronoUnit.HOURS));
        }
        lab(id, 9999, null, to);
        LocalDate since = LocalDate.now().minusDays(30);
        infection(id, center, since, "[\"SINUS\"]");
        infection(id, center, since.minusDays(1), "[\"BLOOD\"]");

        CheckInStore.History h = await(() -> store.history(id, from, to, 10, since));
        assertThat(h.earlier(), hasSize(50));
        List<Instant> times = h.earlier().stream().map(CheckInRepository.Reading::recordedAt).toList();
        assertEquals(to.minus(10, ChronoUnit.MINUTES), times.get(0));
        assertEquals(to.minus(59, ChronoUnit.MINUTES), times.get(49));
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i).isBefore(times.get(i - 1)), "newest first");
        }
        assertEquals(0, new BigDecimal("38.25").compareTo(h.earlier().get(0).temperatureC()));
        assertEquals("COUGH,RIGORS", h.earlier().get(0).symptoms());
        assertThat(h.anc().stream().map(CheckInStore.Anc::value).toList(),
                contains(511, 510, 509, 508, 507, 506, 505, 504, 503, 502));
        assertEquals(LocalDate.now().minusDays(1), h.anc().get(0).resultDate());
        assertThat(h.infections(), hasSize(1));
        assertEquals(since, h.infections().get(0).diagnosisDate());
        assertEquals("[\"SINUS\"]", h.infections().get(0).sites());

        // The window's start is in: of the check-ins in its first second, the one at its start is read.
        CheckInStore.History edge = await(() -> store.history(id, from, from.plusSeconds(1), 10, since));
        assertThat(edge.earlier().stream().map(CheckInRepository.Reading::recordedAt).toList(), contains(from));
    }

    @Test
    void aCheckInIsNeverStoredWithoutTheEventThatPagesAboutIt() {
        UUID center = UUID.randomUUID();
        String subject = Fixtures.unique("patient");
        String id = Fixtures.enroll(center, subject, LocalDate.now(CHICAGO).minusDays(5));
        String key = UUID.randomUUID().toString();
        String fever = """
                {"recordedAt":"%s","temperature":{"value":38.6,"unit":"C"},"antipyreticLast6h":false}"""
                .formatted(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS));
        // The outbox refuses this patient's events: the check-in's statement fails as a whole.
        String trigger = "refuse_" + id.replace("-", "");
        pool.query("CREATE FUNCTION " + trigger + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.payload LIKE '%"
                + id + "%' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$").executeAndAwait();
        pool.query("CREATE TRIGGER " + trigger + " BEFORE INSERT ON outbox_event FOR EACH ROW EXECUTE FUNCTION " + trigger
                + "()").executeAndAwait();
        try {
            int code = given().auth().oauth2(TestTokens.token(subject, "patient")).contentType(ContentType.JSON)
                    .header("Idempotency-Key", key).body(fever).post("/api/v1/patients/" + id + "/check-ins").then()
                    .contentType("application/problem+json").extract().statusCode();
            assertThat(code, greaterThanOrEqualTo(500));
            assertEquals(0L, pool.preparedQuery("SELECT count(*) FROM check_in WHERE patient_id = $1")
                    .executeAndAwait(Tuple.of(UUID.fromString(id))).iterator().next().getLong(0));
        } finally {
            pool.query("DROP TRIGGER " + trigger + " ON outbox_event").executeAndAwait();
            pool.query("DROP FUNCTION " + trigger + "()").executeAndAwait();
        }
        // The other way round: the check-in refused, no event is left behind for alert-service.
        String refuseCheckIn = "refuse_ci_" + id.replace("-", "");
        pool.query("CREATE FUNCTION " + refuseCheckIn + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.patient_id = '"
                + id + "' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$").executeAndAwait();
        pool.query("CREATE TRIGGER " + refuseCheckIn + " BEFORE INSERT ON check_in FOR EACH ROW EXECUTE FUNCTION "
                + refuseCheckIn + "()").executeAndAwait();
        try {
            int code = given().auth().oauth2(TestTokens.token(subject, "patient")).contentType(ContentType.JSON)
                    .header("Idempotency-Key", key).body(fever).post("/api/v1/patients/" + id + "/check-ins").then()
                    .contentType("application/problem+json").extract().statusCode();
            assertThat(code, greaterThanOrEqualTo(500));
            assertEquals(0L, pool.preparedQuery("SELECT count(*) FROM outbox_event WHERE payload LIKE $1")
                    .executeAndAwait(Tuple.of("%" + id + "%")).iterator().next().getLong(0));
        } finally {
            pool.query("DROP TRIGGER " + refuseCheckIn + " ON check_in").executeAndAwait();
            pool.query("DROP FUNCTION " + refuseCheckIn + "()").executeAndAwait();
        }
        // Sent again, as the phone does: stored with its event, once.
        String checkInId = given().auth().oauth2(TestTokens.token(subject, "patient")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(fever).post("/api/v1/patients/" + id + "/check-ins").then()
                .statusCode(201).body("triage.disposition", equalTo("CENTER_NOW")).extract().path("id");
        assertThat(Outbox.forCheckIn(checkInId), hasSize(1));
    }

    @Test
    void whoMayCheckInIsDecidedAsForEveryOtherReadOfThePatient() {
        UUID center = UUID.randomUUID();
        String subject = Fixtures.unique("patient");
        String id = Fixtures.enroll(center, subject, LocalDate.now(CHICAGO).minusDays(60));
        String caregiver = Fixtures.unique("caregiver");
        Fixtures.linkCaregiver(id, subject, caregiver);
        String staff = Fixtures.unique("md");
        CareTeamStub.staff(staff, center, "PHYSICIAN");
        String physician = Fixtures.unique("community");
        CareTeamStub.careTeamWithCommunityPhysician(id, center, physician);

        post(id, TestTokens.token(subject, "patient")).statusCode(201).body("reportedBy", equalTo("PATIENT"));
        post(id, TestTokens.token(caregiver, "caregiver")).statusCode(201).body("reportedBy", equalTo("CAREGIVER"));
        post(id, TestTokens.token(Fixtures.unique("caregiver"), "caregiver")).statusCode(404);
        // The endpoint is the patient side's: staff and community physicians are refused it by role (403).
        post(id, TestTokens.token(staff, "clinician")).statusCode(403);
        post(id, TestTokens.token(physician, "community-physician")).statusCode(403);
        // A caller who also holds the patient's or a caregiver's role: staff of the patient's center see the patient, so it
        // is 403 as the patient role's, 404 as an unlinked caregiver's; staff of another center do not see them (404).
        post(id, TestTokens.token(staff, "clinician", "patient")).statusCode(403);
        post(id, TestTokens.token(staff, "clinician", "caregiver")).statusCode(404);
        String other = Fixtures.unique("md");
        CareTeamStub.staff(other, UUID.randomUUID(), "PHYSICIAN");
        post(id, TestTokens.token(other, "clinician", "patient")).statusCode(404);
        // Staff who are also the patient's linked caregiver check in as the caregiver; another patient as themself: 404.
        Fixtures.linkCaregiver(id, subject, staff);
        post(id, TestTokens.token(staff, "clinician", "caregiver")).statusCode(201).body("reportedBy", equalTo("CAREGIVER"));
        post(id, TestTokens.token(Fixtures.unique("patient"), "patient", "caregiver")).statusCode(404);

        // A patient invited and not yet signed in (no subject): their linked caregiver still checks in, also one who is a
        // patient themself.
        pool.preparedQuery("UPDATE patient SET subject = NULL WHERE id = $1").executeAndAwait(Tuple.of(UUID.fromString(id)));
        post(id, TestTokens.token(caregiver, "caregiver", "patient")).statusCode(201).body("reportedBy", equalTo("CAREGIVER"));
        post(id, TestTokens.token(subject, "patient")).statusCode(404);

        // Deceased: the record is closed to the patient's side.
        pool.preparedQuery("UPDATE patient SET subject = $2, status = 'DECEASED' WHERE id = $1")
                .executeAndAwait(Tuple.of(UUID.fromString(id), subject));
        post(id, TestTokens.token(subject, "patient")).statusCode(404);
        post(id, TestTokens.token(caregiver, "caregiver")).statusCode(404);
        post(id, TestTokens.token(staff, "clinician", "patient")).statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse post(String patientId, String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"recordedAt\":\"%s\",\"symptoms\":[]}".formatted(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1)))
                .post("/api/v1/patients/" + patientId + "/check-ins").then();
    }

    private void checkIn(UUID patient, Instant at, BigDecimal temperatureC, String symptoms) {
        pool.preparedQuery("""
                INSERT INTO check_in (id, patient_id, idempotency_key, request_hash, reported_by, reporter_subject,
                  recorded_at, received_at, temperature_c, symptoms, day_post_infusion, phase, disposition, fired_rules,
                  rule_set_version, instructions, alert_requested)
                VALUES (gen_random_uuid(), $1, gen_random_uuid()::text, 'h', 'PATIENT', 's', $2, now(), $3, $4, 150,
                  'P4_LATE', 'SELF_CARE', '', 'default', 'i', false)""")
                .executeAndAwait(Tuple.of(patient, at.atOffset(ZoneOffset.UTC), temperatureC, symptoms));
    }

    private void lab(UUID patient, int value, LocalDate resultDate, Instant recordedAt) {
        pool.preparedQuery("INSERT INTO lab_result (id, patient_id, type, value, result_date, recorded_by, recorded_at)"
                + " VALUES (gen_random_uuid(), $1, 'ANC', $2, $3, 'coord', $4)")
                .executeAndAwait(Tuple.of(patient, value, resultDate, recordedAt.atOffset(ZoneOffset.UTC)));
    }

    private void infection(UUID patient, UUID center, LocalDate diagnosed, String sites) {
        pool.preparedQuery("""
                INSERT INTO infection_event (id, patient_id, center_id, onset_date, diagnosis_date, pathogen_class, organisms,
                  sites, documentation_level, severity_ctcae, prophylaxis_active, attribution, treatment_required, outcome,
                  day_post_infusion, phase_at_onset, breakthrough, cibmtr_reportable, created_by, created_at, updated_by,
                  updated_at)
                VALUES (gen_random_uuid(), $1, $2, $3, $3, 'BACTERIAL', '[]', $4, 'CLINICAL', 2, '[]', 'UNRELATED', true,
                  'RESOLVED', 120, 'P4_LATE', false, false, 'coord', now(), 'coord', now())""")
                .executeAndAwait(Tuple.of(patient, center, diagnosed, sites));
    }
}
