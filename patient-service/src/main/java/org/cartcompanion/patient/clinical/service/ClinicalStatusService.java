package org.cartcompanion.patient.clinical.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.clinical.ClinicalStatusRecord;
import org.cartcompanion.patient.clinical.repository.ClinicalStatusRepository;
import org.cartcompanion.patient.clinical.rest.ClinicalStatusBody;
import org.cartcompanion.patient.lab.service.LabService;
import org.cartcompanion.patient.patient.Patient;
import org.cartcompanion.patient.patient.service.PatientService;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ClinicalStatusService {

    private final PatientService patients;
    private final ClinicalStatusRepository statuses;
    private final LabService labs;
    private final Clock clock;

    public ClinicalStatusService(PatientService patients, ClinicalStatusRepository statuses, LabService labs, Clock clock) {
        this.patients = patients;
        this.statuses = statuses;
        this.labs = labs;
        this.clock = clock;
    }

    /** Replaces the whole status (absent fields become unknown); the center's clinicians and coordinators. */
    @WithTransaction
    public Uni<ClinicalStatusRecord> put(UUID patientId, ClinicalStatusBody body, Caller caller) {
        return patients.forCenterAction(patientId, caller,
                "Your role at this center may not change the clinical status.").flatMap(patient -> {
                    rejectFutureDates(body, LocalDate.now(clock.withZone(ZoneId.of(patient.timeZone))));
                    return statuses.findById(patientId).flatMap(existing -> {
                        ClinicalStatusRecord before = existing == null ? new ClinicalStatusRecord() : labsOf(existing);
                        ClinicalStatusRecord record = existing != null ? existing : new ClinicalStatusRecord();
                        record.patientId = patientId;
                        apply(body, record);
                        record.updatedBy = caller.subject();
                        record.updatedAt = clock.instant();
                        Uni<ClinicalStatusRecord> saved = existing != null ? Uni.createFrom().item(record)
                                : statuses.persist(record);
                        // The same transaction keeps the history of every new lab value or date (§10.4).
                        return saved.call(
                                r -> labs.append(LabService.changes(patientId, before, r, caller.subject(), r.updatedAt)));
                    });
                }).call(statuses::flush);
    }

    /** The status, or an empty one (all unknown) when none was ever recorded. */
    @WithSession
    public Uni<ClinicalStatusRecord> get(UUID patientId, Caller caller) {
        return staffPatient(patientId, caller).flatMap(patient -> statuses.findById(patientId));
    }

    private Uni<Patient> staffPatient(UUID patientId, Caller caller) {
        return patients.forCenterStaff(patientId, caller, "Only the center's staff keep the clinical status.");
    }

    static void rejectFutureDates(ClinicalStatusBody b, LocalDate today) {
        List<Problem.FieldError> errors = new ArrayList<>();
        future(errors, "ancDate", b.ancDate(), today);
        future(errors, "plateletsDate", b.plateletsDate(), today);
        future(errors, "iggDate", b.iggDate(), today);
        future(errors, "ivigLastDate", b.ivigLastDate(), today);
        future(errors, "steroidsLastDate", b.steroidsLastDate(), today);
        future(errors, "tocilizumabLastDate", b.tocilizumabLastDate(), today);
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid-request", "Dates cannot be in the future.", errors);
        }
    }

    private static void future(List<Problem.FieldError> errors, String field, LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            errors.add(new Problem.FieldError(field, "is after the patient's today"));
        }
    }

    /** A copy of the lab values and dates, taken before a save changes the managed record. */
    private static ClinicalStatusRecord labsOf(ClinicalStatusRecord r) {
        ClinicalStatusRecord copy = new ClinicalStatusRecord();
        copy.ancPerUl = r.ancPerUl;
        copy.ancDate = r.ancDate;
        copy.plateletsPerUl = r.plateletsPerUl;
        copy.plateletsDate = r.plateletsDate;
        copy.iggMgDl = r.iggMgDl;
        copy.iggDate = r.iggDate;
        copy.cd4PerUl = r.cd4PerUl;
        return copy;
    }

    private static void apply(ClinicalStatusBody b, ClinicalStatusRecord r) {
        r.ancPerUl = b.ancPerUl();
        r.ancDate = b.ancDate();
        r.plateletsPerUl = b.plateletsPerUl();
        r.plateletsDate = b.plateletsDate();
        r.iggMgDl = b.iggMgDl();
        r.iggDate = b.iggDate();
        r.ivigLastDate = b.ivigLastDate();
        r.cd4PerUl = b.cd4PerUl();
        r.steroidsLastDate = b.steroidsLastDate();
        r.tocilizumabLastDate = b.tocilizumabLastDate();
        r.maxCrsGrade = b.maxCrsGrade();
        r.maxIcansGrade = b.maxIcansGrade();
        r.iecHsHistory = b.iecHsHistory();
        r.icahtActive = b.icahtActive();
        ClinicalStatusBody.ProphylaxisBody p = b.prophylaxis();
        r.prophylaxisAntibacterial = p == null ? null : p.antibacterial();
        r.prophylaxisAntiviral = p == null ? null : p.antiviralHsvVzv();
        r.prophylaxisPjp = p == null ? null : p.pjp();
        r.prophylaxisAntifungal = p == null ? null : p.antifungal();
        r.centralLine = b.centralLine();
        r.caregiverPresent = b.caregiverPresent();
        r.priorLines = b.priorLines();
        r.priorAlloHct = b.priorAlloHct();
        r.frailOrComorbid = b.frailOrComorbid();
        r.baselineIceScore = b.baselineIceScore();
        r.baselineSpo2 = b.baselineSpo2();
        r.baselineSystolicBp = b.baselineSystolicBp();
        r.travelMinutesToCenter = b.travelMinutesToCenter();
    }

    public static ClinicalStatusBody toBody(UUID patientId, ClinicalStatusRecord r) {
        if (r == null) {
            return new ClinicalStatusBody(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, patientId, null, null);
        }
        return new ClinicalStatusBody(r.ancPerUl, r.ancDate, r.plateletsPerUl, r.plateletsDate, r.iggMgDl, r.iggDate,
                r.ivigLastDate, r.cd4PerUl, r.steroidsLastDate, r.tocilizumabLastDate, r.maxCrsGrade, r.maxIcansGrade,
                r.iecHsHistory, r.icahtActive,
                new ClinicalStatusBody.ProphylaxisBody(r.prophylaxisAntibacterial, r.prophylaxisAntiviral, r.prophylaxisPjp,
                        r.prophylaxisAntifungal),
                r.centralLine, r.caregiverPresent, r.priorLines, r.priorAlloHct, r.frailOrComorbid, r.baselineIceScore,
                r.baselineSpo2, r.baselineSystolicBp, r.travelMinutesToCenter, patientId, r.updatedBy, r.updatedAt);
    }
}
