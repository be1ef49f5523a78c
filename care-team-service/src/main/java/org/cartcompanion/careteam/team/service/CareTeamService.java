package org.cartcompanion.careteam.team.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.cartcompanion.careteam.center.service.CenterAccess;
import org.cartcompanion.careteam.client.PatientRecord;
import org.cartcompanion.careteam.client.Patients;
import org.cartcompanion.careteam.clinician.CenterMembership;
import org.cartcompanion.careteam.clinician.Clinician;
import org.cartcompanion.careteam.clinician.ClinicianRole;
import org.cartcompanion.careteam.clinician.repository.MembershipRepository;
import org.cartcompanion.careteam.oncall.service.Schedules;
import org.cartcompanion.careteam.team.CarePhase;
import org.cartcompanion.careteam.team.CareTeam;
import org.cartcompanion.careteam.team.CareTeamMember;
import org.cartcompanion.careteam.team.repository.CareTeamMemberRepository;
import org.cartcompanion.careteam.team.repository.CareTeamRepository;
import org.cartcompanion.careteam.team.rest.CareTeamRequest;
import org.cartcompanion.careteam.team.rest.CareTeamResponse;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Care teams. The phase moves towards the community only when the receiving physician accepts a hand-off; a coordinator may
 * always take a patient back to CENTER_LED.
 */
@ApplicationScoped
public class CareTeamService {

    private final CenterAccess access;
    private final CareTeamRepository teams;
    private final CareTeamMemberRepository members;
    private final MembershipRepository memberships;
    private final Patients patients;
    private final Schedules schedules;
    private final Clock clock;

    public CareTeamService(CenterAccess access, CareTeamRepository teams, CareTeamMemberRepository members,
            MembershipRepository memberships, Patients patients, Schedules schedules, Clock clock) {
        this.access = access;
        this.teams = teams;
        this.members = members;
        this.memberships = memberships;
        this.patients = patients;
        this.schedules = schedules;
        this.clock = clock;
    }

    /** Creates or replaces the team (a coordinator of the patient's center). */
    @WithTransaction
    public Uni<CareTeamResponse> put(UUID patientId, CareTeamRequest request, Caller caller) {
        return access.staff(request.centerId(), caller, Roles.COORDINATOR).flatMap(center -> patients.find(patientId))
                .flatMap(patient -> {
                    if (patient == null || !request.centerId().equals(patient.centerId())) {
                        return Uni.createFrom().failure(ProblemException.notFound("Patient"));
                    }
                    return teams.findById(patientId, LockModeType.PESSIMISTIC_WRITE).flatMap(existing -> {
                        CarePhase current = existing == null ? CarePhase.CENTER_LED : existing.phase;
                        if (request.phase() != current && request.phase().isCommunity()) {
                            return Uni.createFrom().failure(ProblemException.conflict("The phase becomes "
                                    + request.phase() + " only when the receiving community physician accepts a hand-off"
                                    + " (POST /api/v1/handoffs)."));
                        }
                        return validMembers(request, existing).flatMap(ok -> save(existing, patient, request.phase(),
                                request.members().stream()
                                        .map(m -> CareTeamMember.of(patientId, m.clinicianId(), m.role())).toList(),
                                caller));
                    });
                }).flatMap(team -> response(team));
    }

    @WithSession
    public Uni<CareTeamResponse> get(UUID patientId, Caller caller) {
        return visible(patientId, caller).flatMap(this::response);
    }

    /**
     * The team, if the caller is staff of its center or a community physician named on it; otherwise 404 whether or not the
     * team exists.
     */
    public Uni<CareTeam> visible(UUID patientId, Caller caller) {
        return teams.findById(patientId).flatMap(team -> {
            if (team == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Care team"));
            }
            return memberships.ofSubjectAt(caller.subject(), team.centerId).flatMap(m -> {
                if (m != null && m.role.isStaff() && (caller.has(Roles.COORDINATOR) || caller.has(Roles.CLINICIAN))) {
                    return Uni.createFrom().item(team);
                }
                return members.names(patientId, caller.subject(), ClinicianRole.COMMUNITY_PHYSICIAN)
                        .flatMap(named -> named && caller.has(Roles.COMMUNITY_PHYSICIAN) ? Uni.createFrom().item(team)
                                : Uni.createFrom().failure(ProblemException.notFound("Care team")));
            });
        });
    }

    /**
     * Saves a team with these members and phase, refreshing what patient-service says of the patient. The caller owns the
     * transaction (a hand-off's acceptance uses it too).
     */
    public Uni<CareTeam> save(CareTeam existing, PatientRecord patient, CarePhase phase, List<CareTeamMember> newMembers,
            Caller caller) {
        CareTeam team = existing != null ? existing : new CareTeam();
        boolean created = existing == null;
        team.patientId = patient.id();
        team.centerId = patient.centerId();
        team.phase = phase;
        team.infusionDate = patient.infusionDate();
        team.timeZone = patient.timeZone();
        team.updatedBy = caller.subject();
        team.updatedAt = clock.instant();
        Uni<CareTeam> saved = created ? teams.persist(team) : Uni.createFrom().item(team);
        return saved.flatMap(t -> members.ofPatient(t.patientId)).flatMap(current -> {
            // Members already in the session are updated or removed as entities; only new ones are persisted.
            Uni<Void> changes = Uni.createFrom().voidItem();
            for (CareTeamMember old : current) {
                CareTeamMember wanted = newMembers.stream().filter(m -> m.clinicianId.equals(old.clinicianId))
                        .findFirst().orElse(null);
                if (wanted == null) {
                    changes = changes.flatMap(x -> members.delete(old));
                } else {
                    old.role = wanted.role;
                }
            }
            List<CareTeamMember> added = newMembers.stream()
                    .filter(m -> current.stream().noneMatch(old -> old.clinicianId.equals(m.clinicianId))).toList();
            return changes.flatMap(x -> added.isEmpty() ? Uni.createFrom().voidItem() : members.persist(added));
        }).flatMap(done -> teams.flush()).replaceWith(team);
    }

    public Uni<CareTeamResponse> response(CareTeam team) {
        return members.ofPatient(team.patientId).flatMap(list -> schedules
                .named(list.stream().map(m -> m.clinicianId).toList())
                .map(byId -> new CareTeamResponse(team.patientId, team.centerId, team.phase,
                        list.stream().map(m -> member(m, byId)).toList(), team.updatedAt)));
    }

    private static CareTeamResponse.Member member(CareTeamMember m, Map<UUID, Clinician> byId) {
        Clinician k = byId.get(m.clinicianId);
        return new CareTeamResponse.Member(m.clinicianId, m.role, k.name, k.email, k.phone);
    }

    /**
     * 422 unless every member is known to the center in a matching capacity (staff as staff, community physicians as community
     * physicians), none twice, no community physician new to the team (they join by accepting a hand-off), and a shared or
     * community-led team keeps a community physician.
     */
    private Uni<Boolean> validMembers(CareTeamRequest request, CareTeam existing) {
        Uni<List<CareTeamMember>> current = existing == null ? Uni.createFrom().item(List.of())
                : members.ofPatient(existing.patientId);
        return current.flatMap(before -> memberships.ofCenter(request.centerId()).map(known -> {
            List<Problem.FieldError> errors = new ArrayList<>();
            Set<UUID> seen = new HashSet<>();
            boolean community = false;
            for (int i = 0; i < request.members().size(); i++) {
                CareTeamRequest.Member m = request.members().get(i);
                String field = "members[" + i + "]";
                CenterMembership membership = known.stream().filter(k -> k.clinicianId.equals(m.clinicianId()))
                        .findFirst().orElse(null);
                if (!seen.add(m.clinicianId())) {
                    errors.add(new Problem.FieldError(field + ".clinicianId", "appears twice"));
                } else if (membership == null) {
                    errors.add(new Problem.FieldError(field + ".clinicianId", "is not a clinician known to this center"));
                } else if (membership.role.isStaff() != m.role().isStaff()) {
                    errors.add(new Problem.FieldError(field + ".role", membership.role.isStaff()
                            ? "a member of the center's staff cannot be the community physician"
                            : "a community physician can only have the role COMMUNITY_PHYSICIAN"));
                } else if (m.role() == ClinicianRole.COMMUNITY_PHYSICIAN
                        && before.stream().noneMatch(b -> b.clinicianId.equals(m.clinicianId()))) {
                    errors.add(new Problem.FieldError(field + ".clinicianId",
                            "a community physician joins a care team only by accepting a hand-off (POST /api/v1/handoffs)"));
                }
                community |= m.role() == ClinicianRole.COMMUNITY_PHYSICIAN;
            }
            if (request.phase().isCommunity() && !community) {
                errors.add(new Problem.FieldError("members",
                        "a " + request.phase() + " team must keep its community physician"));
            }
            if (!errors.isEmpty()) {
                throw new ProblemException(422, "unprocessable", "The care team names clinicians it cannot have.", errors);
            }
            return true;
        }));
    }
}
