package org.cartcompanion.patient.patient.service;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.caregiver.CaregiverLink;
import org.cartcompanion.patient.caregiver.repository.CaregiverLinkRepository;
import org.cartcompanion.patient.clinical.repository.ClinicalStatusRepository;
import org.cartcompanion.patient.patient.Language;
import org.cartcompanion.patient.patient.Patient;
import org.cartcompanion.patient.patient.PatientStatus;
import org.cartcompanion.patient.patient.Product;
import org.cartcompanion.patient.patient.repository.PatientRepository;
import org.cartcompanion.patient.patient.rest.EnrollPatientRequest;
import org.cartcompanion.patient.patient.rest.InternalPatientResponse;
import org.cartcompanion.patient.patient.rest.PatientPhonesResponse;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.problem.UniqueViolation;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PatientService {

    /** Enrollment may precede infusion (lymphodepletion), but not by more than this. */
    private static final int MAX_DAYS_BEFORE_INFUSION = 60;

    private final PatientRepository patients;
    private final PatientAccess access;
    private final ClinicalStatusRepository clinicalStatuses;
    private final CaregiverLinkRepository caregivers;
    private final Clock clock;

    public PatientService(PatientRepository patients, PatientAccess access, ClinicalStatusRepository clinicalStatuses,
            CaregiverLinkRepository caregivers, Clock clock) {
        this.patients = patients;
        this.access = access;
        this.clinicalStatuses = clinicalStatuses;
        this.caregivers = caregivers;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Patient> enroll(EnrollPatientRequest request, Caller caller) {
        ZoneId zone = zoneOf(request.timeZone());
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        if (request.infusionDate().isAfter(today.plusDays(MAX_DAYS_BEFORE_INFUSION))) {
            throw ProblemException.badRequest("infusionDate is more than " + MAX_DAYS_BEFORE_INFUSION + " days ahead.");
        }
        if (request.secondDoseDate() != null && request.secondDoseDate().isBefore(request.infusionDate())) {
            throw ProblemException.badRequest("secondDoseDate is before infusionDate.");
        }
        if (request.birthYear() > today.getYear()) {
            throw ProblemException.badRequest("birthYear is in the future.");
        }
        return access.standing(request.centerId(), caller, Roles.COORDINATOR, Roles.CLINICIAN).flatMap(standing -> {
            if (standing == PatientAccess.Standing.NONE) {
                // Not revealing whether the center exists to someone outside it.
                return Uni.createFrom().failure(ProblemException.notFound("Center"));
            }
            if (standing == PatientAccess.Standing.SEES) {
                return Uni.createFrom()
                        .failure(ProblemException.forbidden("Your role at this center may not enroll patients."));
            }
            Uni<Patient> sameSubject = request.subject() == null ? Uni.createFrom().nullItem()
                    : patients.findBySubject(request.subject());
            return sameSubject.flatMap(existing -> {
                if (existing != null) {
                    return Uni.createFrom()
                            .failure(ProblemException.conflict("A patient with this subject is already enrolled."));
                }
                return request.externalId() == null ? Uni.createFrom().item((Patient) null)
                        : patients.find("centerId = ?1 and externalId = ?2", request.centerId(), request.externalId())
                                .firstResult();
            }).flatMap(sameRecord -> {
                if (sameRecord != null) {
                    return Uni.createFrom().failure(ProblemException.conflict(
                            "A patient with this externalId is already enrolled at the center."));
                }
                Patient patient = new Patient();
                patient.id = UUID.randomUUID();
                patient.centerId = request.centerId();
                patient.subject = request.subject();
                patient.displayName = request.displayName();
                patient.birthYear = request.birthYear();
                patient.timeZone = zone.getId();
                patient.infusionDate = request.infusionDate();
                patient.secondDoseDate = request.secondDoseDate();
                patient.product = request.product();
                patient.disease = request.disease();
                patient.externalId = request.externalId();
                patient.phone = request.phone();
                patient.email = request.email();
                patient.language = request.language() == null ? Language.EN : request.language();
                patient.enrolledBy = caller.subject();
                patient.heartbeatAt = now;
                patient.createdAt = now;
                patient.updatedAt = now;
                return patients.persistAndFlush(patient);
            }).onFailure(UniqueViolation::in).transform(e -> ProblemException.conflict(
                    "A patient with this subject or externalId is already enrolled."));
        });
    }

    /** The patient if the caller may see them; otherwise 404, whether or not the patient exists. */
    @WithSession
    public Uni<Patient> visible(UUID patientId, Caller caller) {
        return patients.findById(patientId).flatMap(patient -> {
            if (patient == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Patient"));
            }
            return access.maySee(patient, caller).flatMap(ok -> ok ? Uni.createFrom().item(patient)
                    : Uni.createFrom().failure(ProblemException.notFound("Patient")));
        });
    }

    /**
     * The patient, for a clinician or coordinator of the patient's center: 404 when the caller may not see the patient at all,
     * 403 with {@code whyNot} when they may see but are not the center's staff.
     */
    public Uni<Patient> forCenterStaff(UUID patientId, Caller caller, String whyNot) {
        return visible(patientId, caller).flatMap(patient -> access.isCenterStaff(patient.centerId, caller)
                .flatMap(staff -> staff
                        ? Uni.createFrom().item(patient)
                        : Uni.createFrom().failure(ProblemException.forbidden(whyNot))));
    }

    /**
     * The patient, for a change by the patient's center: the caller's token and membership there must both carry the
     * clinician's or coordinator's role (API.md v1.1: authority is per center). 404 when the caller may not see the patient,
     * 403 with {@code whyNot} otherwise.
     */
    public Uni<Patient> forCenterAction(UUID patientId, Caller caller, String whyNot) {
        return forCenterAction(patientId, caller, whyNot, Roles.COORDINATOR, Roles.CLINICIAN);
    }

    /** As above, for a change only these center roles make (token and membership at the patient's center). */
    public Uni<Patient> forCenterAction(UUID patientId, Caller caller, String whyNot, String... roles) {
        return visible(patientId, caller).flatMap(patient -> access.standing(patient.centerId, caller, roles)
                .flatMap(standing -> standing == PatientAccess.Standing.ACTS
                        ? Uni.createFrom().item(patient)
                        : Uni.createFrom().failure(ProblemException.forbidden(whyNot))));
    }

    /**
     * Records the second dose of a split-dose product (obe-cel): the center's staff; the date between the first dose and the
     * patient's today.
     */
    @WithTransaction
    public Uni<Patient> recordSecondDose(UUID patientId, LocalDate date, Caller caller) {
        return forCenterAction(patientId, caller, "Only the center's clinicians and coordinators record doses.")
                .map(patient -> {
                    if (patient.product != Product.OBE_CEL) {
                        throw new ProblemException(409, "conflict", "Only a split-dose product (OBE_CEL) has a second dose.");
                    }
                    LocalDate today = LocalDate.now(clock.withZone(zoneOf(patient.timeZone)));
                    if (!date.isAfter(patient.infusionDate) || date.isAfter(today)) {
                        throw new ProblemException(400, "invalid-request",
                                "date must be after the first dose and not after today.",
                                List.of(new Problem.FieldError("date", "is not after the first dose and on or before today")));
                    }
                    patient.secondDoseDate = date;
                    patient.updatedAt = clock.instant();
                    // The phase, and with it the check-in cadence, may have changed: the heartbeat looks again now.
                    patient.heartbeatAt = patient.updatedAt;
                    return patient;
                }).call(patients::flush);
    }

    /**
     * Sets the patient's status (the center's coordinator). Only ACTIVE patients are reminded and alerted about missed
     * check-ins; back to ACTIVE, the heartbeat looks at them at its next pass. A deceased patient's record closes to the
     * patient and caregivers (other services within their cache lifetime).
     */
    @WithTransaction
    public Uni<Patient> setStatus(UUID patientId, PatientStatus status, String reason, Caller caller) {
        String subject = caller.subject();
        return forCenterAction(patientId, caller, "Only a coordinator of the patient's center sets the status.",
                Roles.COORDINATOR).map(patient -> {
                    Instant now = clock.instant();
                    if (patient.status != status) {
                        patient.statusChangedAt = now;
                        patient.statusChangedBy = subject;
                        patient.heartbeatAt = now;
                    }
                    patient.status = status;
                    patient.statusReason = reason == null || reason.isBlank() ? null : reason.strip();
                    patient.updatedAt = now;
                    return patient;
                }).call(patients::flush);
    }

    /** For another service: the patient with the clinical facts a hand-off carries; 404 when unknown. */
    @WithSession
    public Uni<InternalPatientResponse> forService(UUID patientId) {
        return patients.findById(patientId).flatMap(patient -> patient == null
                ? Uni.createFrom().failure(ProblemException.notFound("Patient"))
                : clinicalStatuses.findById(patientId)
                        .map(clinical -> InternalPatientResponse.of(patient, clinical, clock.instant())));
    }

    /** The phones to text about the patient's alert: theirs and their caregivers', each once; 404 for an unknown patient. */
    @WithSession
    public Uni<PatientPhonesResponse> phones(UUID patientId) {
        return patients.findById(patientId).flatMap(patient -> {
            if (patient == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Patient"));
            }
            return caregivers.forPatient(patientId).map(links -> {
                Map<String, PatientPhonesResponse.Phone> phones = new LinkedHashMap<>();
                if (patient.phone != null && !patient.phone.isBlank()) {
                    phones.put(patient.phone.strip(), new PatientPhonesResponse.Phone(patient.phone.strip(), "PATIENT"));
                }
                for (CaregiverLink link : links) {
                    if (link.phone != null && !link.phone.isBlank()) {
                        phones.putIfAbsent(link.phone.strip(),
                                new PatientPhonesResponse.Phone(link.phone.strip(), "CAREGIVER"));
                    }
                }
                return new PatientPhonesResponse(patientId, patient.language == null ? null : patient.language.code(),
                        List.copyOf(phones.values()));
            });
        });
    }

    static ZoneId zoneOf(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("timeZone is not a known IANA time zone.");
        }
    }
}
