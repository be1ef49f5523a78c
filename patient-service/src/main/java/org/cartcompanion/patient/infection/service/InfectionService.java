package org.cartcompanion.patient.infection.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.infection.InfectionCodes.Site;
import org.cartcompanion.patient.infection.InfectionDerivations;
import org.cartcompanion.patient.infection.InfectionEvent;
import org.cartcompanion.patient.infection.repository.InfectionEventRepository;
import org.cartcompanion.patient.infection.rest.InfectionEventBody;
import org.cartcompanion.patient.infection.rest.InfectionEventResponse;
import org.cartcompanion.patient.patient.Patient;
import org.cartcompanion.patient.patient.service.PatientService;
import org.cartcompanion.patient.triage.Phases;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Infection records: kept by the center's clinicians, with timing, breakthrough and reportability derived. */
@ApplicationScoped
public class InfectionService {

    private final PatientService patients;
    private final InfectionEventRepository events;
    private final ObjectMapper json;
    private final Clock clock;

    public InfectionService(PatientService patients, InfectionEventRepository events, ObjectMapper json,
            Clock clock) {
        this.patients = patients;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<InfectionEventResponse> create(UUID patientId, InfectionEventBody body, Caller caller) {
        return actingPatient(patientId, caller).flatMap(patient -> checkLink(patient, body, null).flatMap(ok -> {
            InfectionEvent event = new InfectionEvent();
            event.id = UUID.randomUUID();
            event.patientId = patient.id;
            event.centerId = patient.centerId;
            event.createdBy = caller.subject();
            event.createdAt = clock.instant();
            apply(patient, body, event, caller);
            return events.persistAndFlush(event);
        })).map(this::toResponse);
    }

    @WithTransaction
    public Uni<InfectionEventResponse> update(UUID patientId, UUID eventId, InfectionEventBody body, Caller caller) {
        return actingPatient(patientId, caller).flatMap(patient -> events.findById(eventId).flatMap(event -> {
            if (event == null || !event.patientId.equals(patientId)) {
                return Uni.createFrom().failure(ProblemException.notFound("Infection event"));
            }
            return checkLink(patient, body, eventId).map(ok -> {
                apply(patient, body, event, caller);
                return event;
            });
        })).call(event -> events.flush()).map(this::toResponse);
    }

    @WithSession
    public Uni<List<InfectionEventResponse>> list(UUID patientId, Caller caller) {
        return staffPatient(patientId, caller).flatMap(patient -> events.ofPatient(patientId))
                .map(list -> list.stream().map(this::toResponse).toList());
    }

    @WithSession
    public Uni<InfectionEventResponse> get(UUID patientId, UUID eventId, Caller caller) {
        return staffPatient(patientId, caller).flatMap(patient -> events.findById(eventId)).map(event -> {
            if (event == null || !event.patientId.equals(patientId)) {
                throw ProblemException.notFound("Infection event");
            }
            return toResponse(event);
        });
    }

    private Uni<Patient> staffPatient(UUID patientId, Caller caller) {
        return patients.forCenterStaff(patientId, caller, "Infection records are kept by the center's staff.");
    }

    private Uni<Patient> actingPatient(UUID patientId, Caller caller) {
        return patients.forCenterAction(patientId, caller, "Your role at this center may not keep infection records.");
    }

    /** A "same infection" link must name an earlier record of the same patient. */
    private Uni<Boolean> checkLink(Patient patient, InfectionEventBody body, UUID self) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(patient.timeZone)));
        if (body.diagnosisDate().isBefore(body.onsetDate())) {
            throw ProblemException.badRequest("diagnosisDate is before onsetDate.");
        }
        if (body.onsetDate().isAfter(today) || body.diagnosisDate().isAfter(today)) {
            throw ProblemException.badRequest("Dates cannot be in the future.");
        }
        if (body.sameInfectionOf() == null) {
            return Uni.createFrom().item(true);
        }
        if (body.sameInfectionOf().equals(self)) {
            throw ProblemException.unprocessable("An infection cannot be a recurrence of itself.");
        }
        return events.findById(body.sameInfectionOf()).map(earlier -> {
            if (earlier == null || !earlier.patientId.equals(patient.id)) {
                throw ProblemException.unprocessable("sameInfectionOf names no infection of this patient.");
            }
            return true;
        });
    }

    private void apply(Patient patient, InfectionEventBody b, InfectionEvent e, Caller caller) {
        List<InfectionEventBody.Organism> organisms = b.organisms() == null ? List.of() : b.organisms();
        List<Site> sites = b.sites() == null ? List.of() : b.sites();
        List<InfectionEventBody.ProphylaxisCourse> courses = b.prophylaxisActive() == null ? List.of() : b.prophylaxisActive();
        e.onsetDate = b.onsetDate();
        e.diagnosisDate = b.diagnosisDate();
        e.pathogenClass = b.pathogenClass();
        e.organisms = write(organisms);
        e.sites = write(sites);
        e.documentationLevel = b.documentationLevel();
        e.severityCtcae = b.severityCtcae();
        e.severityBmtCtn = b.severityBmtCtn();
        e.ancAtOnset = b.ancAtOnset();
        e.iggAtOnset = b.iggAtOnset();
        e.ivigWithin30d = b.ivigWithin30d();
        e.cd4AtOnset = b.cd4AtOnset();
        e.prophylaxisActive = write(courses);
        e.concurrentCrsGrade = b.concurrentCrsGrade();
        e.concurrentIcansGrade = b.concurrentIcansGrade();
        e.iecHs = b.iecHs();
        e.attribution = b.attribution();
        e.careSetting = b.careSetting();
        e.detectedBy = b.detectedBy();
        e.treatmentRequired = b.treatmentRequired();
        e.hospitalized = b.hospitalized();
        e.icu = b.icu();
        e.outcome = b.outcome();
        e.deathAttributed = b.deathAttributedToInfection();
        e.covidTest = b.covidTest();
        e.sameInfectionOf = b.sameInfectionOf();
        e.dayPostInfusion = Math.toIntExact(InfectionDerivations.dayPostInfusion(patient.infusionDate, b.onsetDate()));
        e.phaseAtOnset = Phases.of(patient.product, patient.infusionDate, patient.secondDoseDate, b.onsetDate());
        e.neutropenicAtOnset = b.ancAtOnset() == null ? null : b.ancAtOnset() < 500;
        e.breakthrough = InfectionDerivations.breakthrough(b.pathogenClass(),
                organisms.stream().map(InfectionEventBody.Organism::display).toList(),
                courses.stream()
                        .map(c -> new InfectionDerivations.Course(c.prophylaxisClass(), c.agent(), c.started(), c.stopped()))
                        .toList(),
                b.onsetDate());
        Set<Site> siteSet = sites.isEmpty() ? EnumSet.noneOf(Site.class) : EnumSet.copyOf(sites);
        e.cibmtrReportable = InfectionDerivations.cibmtrReportable(b.pathogenClass(), b.documentationLevel(), siteSet,
                b.treatmentRequired(), b.covidTest(), b.sameInfectionOf() != null);
        e.updatedBy = caller.subject();
        e.updatedAt = clock.instant();
    }

    InfectionEventResponse toResponse(InfectionEvent e) {
        InfectionEventBody recorded = new InfectionEventBody(e.onsetDate, e.diagnosisDate, e.pathogenClass,
                read(e.organisms, new TypeReference<List<InfectionEventBody.Organism>>() {
                }), read(e.sites, new TypeReference<List<Site>>() {
                }), e.documentationLevel, e.severityCtcae, e.severityBmtCtn, e.ancAtOnset, e.iggAtOnset, e.ivigWithin30d,
                e.cd4AtOnset, read(e.prophylaxisActive, new TypeReference<List<InfectionEventBody.ProphylaxisCourse>>() {
                }), e.concurrentCrsGrade, e.concurrentIcansGrade, e.iecHs, e.attribution, e.careSetting, e.detectedBy,
                e.treatmentRequired, e.hospitalized, e.icu, e.outcome, e.deathAttributed, e.covidTest, e.sameInfectionOf);
        return new InfectionEventResponse(e.id, e.patientId, e.centerId, recorded, e.dayPostInfusion,
                InfectionDerivations.buckets(e.dayPostInfusion), e.phaseAtOnset, e.neutropenicAtOnset, e.breakthrough,
                e.cibmtrReportable, e.createdBy, e.createdAt, e.updatedBy, e.updatedAt);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Stored infection record is unreadable", ex);
        }
    }
}
