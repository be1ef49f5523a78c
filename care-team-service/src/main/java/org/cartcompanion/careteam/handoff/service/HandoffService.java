package org.cartcompanion.careteam.handoff.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.cartcompanion.careteam.center.Center;
import org.cartcompanion.careteam.center.repository.CenterRepository;
import org.cartcompanion.careteam.center.service.CenterAccess;
import org.cartcompanion.careteam.client.PatientRecord;
import org.cartcompanion.careteam.client.Patients;
import org.cartcompanion.careteam.clinician.CenterMembership;
import org.cartcompanion.careteam.clinician.Clinician;
import org.cartcompanion.careteam.clinician.ClinicianRole;
import org.cartcompanion.careteam.clinician.Recipient;
import org.cartcompanion.careteam.clinician.repository.ClinicianRepository;
import org.cartcompanion.careteam.clinician.repository.MembershipRepository;
import org.cartcompanion.careteam.config.CareTeamConfig;
import org.cartcompanion.careteam.handoff.CenterSymptoms;
import org.cartcompanion.careteam.handoff.ClinicalSummary;
import org.cartcompanion.careteam.handoff.Handoff;
import org.cartcompanion.careteam.handoff.HandoffStatus;
import org.cartcompanion.careteam.handoff.repository.HandoffRepository;
import org.cartcompanion.careteam.handoff.rest.HandoffRequest;
import org.cartcompanion.careteam.handoff.rest.HandoffResponse;
import org.cartcompanion.careteam.team.CarePhase;
import org.cartcompanion.careteam.team.CareTeam;
import org.cartcompanion.careteam.team.CareTeamMember;
import org.cartcompanion.careteam.team.repository.CareTeamMemberRepository;
import org.cartcompanion.careteam.team.repository.CareTeamRepository;
import org.cartcompanion.careteam.team.service.CareTeamService;
import org.cartcompanion.support.paging.Cursor;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Hand-offs: the only way a patient's care moves to the community. The center's staff propose; only the receiving community
 * physician accepts or declines; an unanswered one is reminded of and then lapses ({@link HandoffJobs}).
 */
@ApplicationScoped
public class HandoffService {

    private final HandoffRepository handoffs;
    private final CenterAccess access;
    private final CenterRepository centers;
    private final ClinicianRepository clinicians;
    private final MembershipRepository memberships;
    private final CareTeamRepository teams;
    private final CareTeamMemberRepository teamMembers;
    private final CareTeamService careTeams;
    private final Patients patients;
    private final HandoffNotices notices;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration expireAfter;

    public HandoffService(HandoffRepository handoffs, CenterAccess access, CenterRepository centers,
            ClinicianRepository clinicians, MembershipRepository memberships, CareTeamRepository teams,
            CareTeamMemberRepository teamMembers, CareTeamService careTeams, Patients patients, HandoffNotices notices,
            ObjectMapper json, Clock clock, CareTeamConfig config) {
        this.handoffs = handoffs;
        this.access = access;
        this.centers = centers;
        this.clinicians = clinicians;
        this.memberships = memberships;
        this.teams = teams;
        this.teamMembers = teamMembers;
        this.careTeams = careTeams;
        this.patients = patients;
        this.notices = notices;
        this.json = json;
        this.clock = clock;
        this.expireAfter = config.handoff().expireAfter();
    }

    /** Proposes a hand-off (the center's coordinators and clinicians); the receiver is told at once. */
    @WithTransaction
    public Uni<HandoffResponse> create(HandoffRequest request, Caller caller) {
        List<String> symptoms = centerSymptoms(request);
        return patients.find(request.patientId())
                .flatMap(patient -> staffCenterOf(patient, caller).map(center -> new Proposal(patient, center, null, null)))
                .flatMap(p -> receiver(p.center(), request.toClinicianId()).map(p::to))
                .flatMap(p -> phaseOf(p.patient().id()).map(from -> p.from(movable(from, request.toPhase()))))
                .call(p -> noPendingHandoff(p.patient().id()))
                .flatMap(p -> save(request, p, symptoms, caller));
    }

    /** A hand-off as it is being proposed: the patient, the center, the receiver and the phase it moves from. */
    private record Proposal(PatientRecord patient, Center center, Clinician receiver, CarePhase from) {

        Proposal to(Clinician receiver) {
            return new Proposal(patient, center, receiver, from);
        }

        Proposal from(CarePhase phase) {
            return new Proposal(patient, center, receiver, phase);
        }
    }

    /** The symptoms the patient must still call the center for: the request's, all known codes, or the default list. */
    private static List<String> centerSymptoms(HandoffRequest request) {
        if (!request.toPhase().isCommunity()) {
            throw ProblemException.unprocessable("toPhase",
                    "must be SHARED or COMMUNITY_LED; a coordinator takes a patient back to"
                            + " CENTER_LED through the care team");
        }
        List<String> symptoms = request.centerSymptoms() == null ? CenterSymptoms.DEFAULT : request.centerSymptoms();
        List<Problem.FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < symptoms.size(); i++) {
            if (!CenterSymptoms.CODES.contains(symptoms.get(i))) {
                unknown.add(new Problem.FieldError("centerSymptoms[" + i + "]", "is not a symptom code"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(400, "invalid-request", "centerSymptoms holds unknown codes.", unknown);
        }
        return symptoms;
    }

    /** The patient's center, where the caller is staff; another center's patient is as unknown as one that does not exist. */
    private Uni<Center> staffCenterOf(PatientRecord patient, Caller caller) {
        if (patient == null) {
            return Uni.createFrom().failure(ProblemException.notFound("Patient"));
        }
        return access.staff(patient.centerId(), caller, Roles.COORDINATOR, Roles.CLINICIAN)
                .onFailure(e -> e instanceof ProblemException p && p.status() == 404)
                .transform(e -> ProblemException.notFound("Patient"));
    }

    private Uni<CarePhase> phaseOf(UUID patientId) {
        return teams.findById(patientId).map(team -> team == null ? CarePhase.CENTER_LED : team.phase);
    }

    /** {@code from}, when care may move from it to {@code to}; 409 otherwise. */
    private static CarePhase movable(CarePhase from, CarePhase to) {
        if (from == to) {
            throw ProblemException.conflict("The patient's care is already " + from + ".");
        }
        if (from == CarePhase.COMMUNITY_LED) {
            throw ProblemException.conflict("The patient's care is already community-led; take it back to CENTER_LED"
                    + " through the care team first.");
        }
        return from;
    }

    private Uni<Void> noPendingHandoff(UUID patientId) {
        return handoffs.pendingFor(patientId).map(pending -> {
            if (pending != null) {
                throw ProblemException.conflict("The patient already has a pending hand-off; withdraw it first.");
            }
            return null;
        });
    }

    private Uni<HandoffResponse> save(HandoffRequest request, Proposal p, List<String> symptoms, Caller caller) {
        PatientRecord patient = p.patient();
        Handoff h = new Handoff();
        h.id = UUID.randomUUID();
        h.patientId = patient.id();
        h.centerId = p.center().id;
        h.toClinicianId = p.receiver().id;
        h.fromPhase = p.from();
        h.toPhase = request.toPhase();
        h.status = HandoffStatus.PENDING;
        h.summary = request.summary();
        h.clinicalSummary = write(summary(patient, request, symptoms));
        h.createdBy = caller.subject();
        h.createdAt = clock.instant();
        return handoffs.persist(h).flatMap(saved -> handoffs.flush())
                .onFailure(HandoffService::isSecondPending)
                .transform(e -> ProblemException.conflict("The patient already has a pending hand-off; withdraw it first."))
                .flatMap(saved -> notices.requested(h, p.center(), p.receiver())).map(done -> response(h, p.receiver()));
    }

    @WithSession
    public Uni<HandoffResponse> get(UUID id, Caller caller) {
        return visible(id, caller, false).flatMap(seen -> withReceiver(seen.handoff()));
    }

    /** The hand-offs of the caller's centers (staff) and to the caller (community physician), newest first. */
    @WithSession
    public Uni<List<HandoffResponse>> page(HandoffStatus status, Cursor after, int limit, Caller caller) {
        return clinicians.findBySubject(caller.subject()).flatMap(me -> {
            if (me == null) {
                return Uni.createFrom().item(List.<HandoffResponse> of());
            }
            return memberships.ofClinician(me.id).flatMap(mine -> {
                boolean staffRole = caller.has(Roles.COORDINATOR) || caller.has(Roles.CLINICIAN);
                List<UUID> staffOf = staffRole
                        ? mine.stream().filter(m -> m.role.isStaff()).map(m -> m.centerId).toList()
                        : List.of();
                UUID receiver = caller.has(Roles.COMMUNITY_PHYSICIAN) ? me.id : null;
                return handoffs.page(staffOf, receiver, mine.stream().map(m -> m.centerId).toList(), status, after,
                        limit + 1);
            }).flatMap(rows -> clinicians.findByIds(rows.stream().map(h -> h.toClinicianId).toList())
                    .map(found -> rows.stream().map(h -> response(h,
                            found.stream().filter(c -> c.id.equals(h.toClinicianId)).findFirst().orElseThrow()))
                            .toList()));
        });
    }

    /** The receiver accepts: the care team's phase becomes the hand-off's and they join it as its community physician. */
    @WithTransaction
    public Uni<HandoffResponse> accept(UUID id, Caller caller) {
        // patient-service is asked before anything is locked, so no lock waits on another service.
        return patientOf(id).flatMap(patient -> decidable(id, caller)
                .call(h -> joinCareTeam(h, patient, caller)))
                .flatMap(h -> decide(h, HandoffStatus.ACCEPTED, null, caller));
    }

    /** The patient of the hand-off as patient-service knows them (null when it does not); 404 for no such hand-off. */
    private Uni<PatientRecord> patientOf(UUID handoffId) {
        return handoffs.findById(handoffId).flatMap(found -> found == null
                ? Uni.createFrom().failure(ProblemException.notFound("Hand-off"))
                : patients.find(found.patientId));
    }

    /** The care team takes the hand-off's phase, with the receiver as its community physician in place of any before. */
    private Uni<CareTeam> joinCareTeam(Handoff h, PatientRecord patient, Caller caller) {
        if (patient == null) {
            return Uni.createFrom().failure(ProblemException.notFound("Patient"));
        }
        return teams.findById(h.patientId, LockModeType.PESSIMISTIC_WRITE).flatMap(team -> {
            CarePhase now = team == null ? CarePhase.CENTER_LED : team.phase;
            if (now != h.fromPhase) {
                return Uni.createFrom().failure(ProblemException.conflict("The care team changed to " + now
                        + " since this hand-off was made; ask the center to send a new one."));
            }
            return teamMembers.ofPatient(h.patientId)
                    .flatMap(current -> careTeams.save(team, patient, h.toPhase, withReceiver(h, current), caller));
        });
    }

    private static List<CareTeamMember> withReceiver(Handoff h, List<CareTeamMember> current) {
        List<CareTeamMember> members = new ArrayList<>();
        current.stream().filter(m -> m.role != ClinicianRole.COMMUNITY_PHYSICIAN)
                .map(m -> CareTeamMember.of(h.patientId, m.clinicianId, m.role)).forEach(members::add);
        members.add(CareTeamMember.of(h.patientId, h.toClinicianId, ClinicianRole.COMMUNITY_PHYSICIAN));
        return members;
    }

    /** The receiver declines, with a reason the center reads; the care team stays as it was. */
    @WithTransaction
    public Uni<HandoffResponse> decline(UUID id, String reason, Caller caller) {
        return decidable(id, caller).flatMap(h -> decide(h, HandoffStatus.DECLINED, reason, caller));
    }

    /** The center withdraws a pending hand-off (its staff). */
    @WithTransaction
    public Uni<HandoffResponse> withdraw(UUID id, Caller caller) {
        return visible(id, caller, true).flatMap(seen -> {
            if (!seen.staff()) {
                return Uni.createFrom().failure(
                        ProblemException.forbidden("Only the center's staff may withdraw a hand-off; decline it instead."));
            }
            return pending(seen.handoff()).flatMap(h -> {
                h.status = HandoffStatus.WITHDRAWN;
                h.decidedBy = caller.subject();
                h.decidedAt = clock.instant();
                return centers.findById(h.centerId).flatMap(center -> clinicians.findById(h.toClinicianId)
                        .flatMap(receiver -> notices.withdrawn(h, center, receiver).map(done -> response(h, receiver))));
            });
        });
    }

    private Uni<HandoffResponse> decide(Handoff h, HandoffStatus status, String reason, Caller caller) {
        h.status = status;
        h.declineReason = reason;
        h.decidedBy = caller.subject();
        h.decidedAt = clock.instant();
        return centers.findById(h.centerId).flatMap(center -> clinicians.findById(h.toClinicianId)
                .flatMap(receiver -> notices.decided(h, center, receiver).map(done -> response(h, receiver))));
    }

    /** The pending hand-off, locked, if the caller is its receiver: 403 for the center's staff, 404 for anyone else. */
    private Uni<Handoff> decidable(UUID id, Caller caller) {
        return visible(id, caller, true).flatMap(seen -> {
            if (!seen.receiver()) {
                return Uni.createFrom().failure(ProblemException
                        .forbidden("Only the receiving community physician may accept or decline this hand-off."));
            }
            return pending(seen.handoff());
        });
    }

    private Uni<Handoff> pending(Handoff h) {
        if (h.status != HandoffStatus.PENDING) {
            return Uni.createFrom().failure(ProblemException.conflict("This hand-off is already " + h.status + "."));
        }
        if (!clock.instant().isBefore(expiresAt(h))) {
            return Uni.createFrom().failure(ProblemException.conflict(
                    "This hand-off lapsed unanswered; the center has been told and may send a new one."));
        }
        return Uni.createFrom().item(h);
    }

    private record Seen(Handoff handoff, boolean staff, boolean receiver) {
    }

    /** The hand-off if the caller is its center's staff or its receiver; otherwise 404 whether or not it exists. */
    private Uni<Seen> visible(UUID id, Caller caller, boolean lock) {
        Uni<Handoff> found = lock ? handoffs.findById(id, LockModeType.PESSIMISTIC_WRITE) : handoffs.findById(id);
        return found.flatMap(h -> {
            if (h == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Hand-off"));
            }
            return memberships.ofSubjectAt(caller.subject(), h.centerId).flatMap(m -> {
                boolean staff = m != null && m.role.isStaff()
                        && (caller.has(Roles.COORDINATOR) || caller.has(Roles.CLINICIAN));
                boolean receiver = m != null && m.clinicianId.equals(h.toClinicianId)
                        && caller.has(Roles.COMMUNITY_PHYSICIAN);
                return staff || receiver ? Uni.createFrom().item(new Seen(h, staff, receiver))
                        : Uni.createFrom().failure(ProblemException.notFound("Hand-off"));
            });
        });
    }

    /** The receiver must be a community physician known to the center. */
    private Uni<Clinician> receiver(Center center, UUID clinicianId) {
        return memberships.findById(new CenterMembership.Key(center.id, clinicianId)).flatMap(m -> {
            if (m == null || m.role != ClinicianRole.COMMUNITY_PHYSICIAN) {
                return Uni.createFrom().failure(ProblemException.unprocessable("toClinicianId",
                        "must be a community physician known to the patient's center"));
            }
            return clinicians.findById(clinicianId);
        });
    }

    /** The partial unique index that keeps one pending hand-off per patient, hit by two sent at once. */
    private static boolean isSecondPending(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("handoff_one_pending_per_patient")) {
                return true;
            }
        }
        return false;
    }

    public Instant expiresAt(Handoff h) {
        return h.createdAt.plus(expireAfter);
    }

    private Uni<HandoffResponse> withReceiver(Handoff h) {
        return clinicians.findById(h.toClinicianId).map(receiver -> response(h, receiver));
    }

    private HandoffResponse response(Handoff h, Clinician receiver) {
        return new HandoffResponse(h.id, h.patientId, h.centerId, Recipient.of(receiver), h.fromPhase, h.toPhase, h.status,
                h.summary, read(h.clinicalSummary), h.declineReason, h.createdBy, h.createdAt, h.remindedAt,
                h.status == HandoffStatus.PENDING ? expiresAt(h) : null, h.decidedBy, h.decidedAt);
    }

    private static ClinicalSummary summary(PatientRecord p, HandoffRequest r, List<String> symptoms) {
        PatientRecord.Clinical c = p.clinicalStatus();
        return new ClinicalSummary(p.displayName(), p.product(), p.infusionDate(), p.dayPostInfusion(), p.phase(),
                c == null ? null
                        : new ClinicalSummary.Labs(c.ancPerUl(), c.ancDate(), c.iggMgDl(), c.iggDate(), c.ivigLastDate(),
                                c.cd4PerUl()),
                c == null ? null
                        : new ClinicalSummary.ProphylaxisInUse(c.antibacterialProphylaxis(), c.antiviralProphylaxis(),
                                c.pjpProphylaxis(), c.antifungalProphylaxis()),
                r.prophylaxis() == null ? List.of()
                        : r.prophylaxis().stream()
                                .map(x -> new ClinicalSummary.Prophylaxis(x.agent(), x.covers(), x.until())).toList(),
                r.iggPlan(),
                r.vaccinations() == null ? List.of()
                        : r.vaccinations().stream().map(v -> new ClinicalSummary.Vaccination(v.vaccine(), v.due()))
                                .toList(),
                symptoms);
    }

    private String write(ClinicalSummary summary) {
        try {
            return json.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a clinical summary could not be written", e);
        }
    }

    private ClinicalSummary read(String stored) {
        try {
            return json.readValue(stored, ClinicalSummary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored clinical summary could not be read", e);
        }
    }

}
