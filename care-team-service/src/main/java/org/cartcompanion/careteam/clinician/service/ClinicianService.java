package org.cartcompanion.careteam.clinician.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.cartcompanion.careteam.center.service.CenterAccess;
import org.cartcompanion.careteam.clinician.CenterMembership;
import org.cartcompanion.careteam.clinician.Clinician;
import org.cartcompanion.careteam.clinician.EndedMembership;
import org.cartcompanion.careteam.clinician.repository.ClinicianRepository;
import org.cartcompanion.careteam.clinician.repository.EndedMembershipRepository;
import org.cartcompanion.careteam.clinician.repository.MembershipRepository;
import org.cartcompanion.careteam.clinician.rest.AddClinicianRequest;
import org.cartcompanion.careteam.clinician.rest.ClinicianResponse;
import org.cartcompanion.careteam.clinician.rest.UpdateClinicianRequest;
import org.cartcompanion.careteam.handoff.Handoff;
import org.cartcompanion.careteam.handoff.HandoffStatus;
import org.cartcompanion.careteam.handoff.repository.HandoffRepository;
import org.cartcompanion.careteam.oncall.rest.GapResponse;
import org.cartcompanion.careteam.oncall.schedule.Assignment;
import org.cartcompanion.careteam.oncall.schedule.Gap;
import org.cartcompanion.careteam.oncall.service.OnCallService;
import org.cartcompanion.careteam.oncall.service.Schedules;
import org.cartcompanion.careteam.team.repository.CareTeamMemberRepository;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ClinicianService {

    private final CenterAccess access;
    private final ClinicianRepository clinicians;
    private final MembershipRepository memberships;
    private final Clock clock;
    private final EndedMembershipRepository ended;
    private final Schedules schedules;
    private final CareTeamMemberRepository teamMembers;
    private final HandoffRepository handoffs;

    public ClinicianService(CenterAccess access, ClinicianRepository clinicians, MembershipRepository memberships,
            Clock clock, EndedMembershipRepository ended, Schedules schedules, CareTeamMemberRepository teamMembers,
            HandoffRepository handoffs) {
        this.ended = ended;
        this.schedules = schedules;
        this.teamMembers = teamMembers;
        this.handoffs = handoffs;
        this.access = access;
        this.clinicians = clinicians;
        this.memberships = memberships;
        this.clock = clock;
    }

    /**
     * Adds a clinician to a center (admin, or a coordinator on its staff). A clinician already known elsewhere, such as a
     * community physician shared by two centers, keeps one identity.
     */
    @WithTransaction
    public Uni<ClinicianResponse> add(UUID centerId, AddClinicianRequest request, Caller caller) {
        return access.staff(centerId, caller, Roles.COORDINATOR)
                .flatMap(center -> clinicians.findBySubject(request.subject()))
                .flatMap(existing -> existing != null ? Uni.createFrom().item(existing) : create(request))
                .flatMap(clinician -> memberships.findById(new CenterMembership.Key(centerId, clinician.id))
                        .flatMap(member -> {
                            if (member != null) {
                                return Uni.createFrom().failure(
                                        ProblemException.conflict("This clinician is already known to the center."));
                            }
                            CenterMembership m = new CenterMembership();
                            m.centerId = centerId;
                            m.clinicianId = clinician.id;
                            m.role = request.role();
                            m.addedBy = caller.subject();
                            m.createdAt = clock.instant();
                            return memberships.persistAndFlush(m).map(saved -> ClinicianResponse.of(clinician, saved));
                        }));
    }

    /** The center's clinicians (admin, or its staff). */
    @WithSession
    public Uni<List<ClinicianResponse>> list(UUID centerId, Caller caller) {
        return access.staffView(centerId, caller)
                .flatMap(center -> memberships.ofCenter(centerId)).flatMap(members -> clinicians
                        .findByIds(members.stream().map(m -> m.clinicianId).toList()).map(found -> {
                            Map<UUID, Clinician> byId = found.stream()
                                    .collect(Collectors.toMap(k -> k.id, Function.identity()));
                            return members.stream().map(m -> ClinicianResponse.of(byId.get(m.clinicianId), m)).toList();
                        }));
    }

    /**
     * Ends a clinician's membership of a center (admin, or the center's coordinator). From the commit on they have no access to
     * the center, its patients or its alerts (other services within their cache lifetime), the on-call schedule skips their
     * turns and shifts, they leave the care teams of the center's patients, and hand-offs pending to them are withdrawn. The
     * membership is kept as ended for the record. Answers the warnings to show: the coverage gaps their departure opens within
     * the next 14 days and what else it changed.
     */
    @WithTransaction
    public Uni<List<String>> end(UUID centerId, UUID clinicianId, Caller caller) {
        String subject = caller.subject();
        return access.staff(centerId, caller, Roles.COORDINATOR)
                .flatMap(center -> memberships.findById(new CenterMembership.Key(centerId, clinicianId),
                        LockModeType.PESSIMISTIC_WRITE).flatMap(member -> {
                            if (member == null) {
                                return Uni.createFrom().failure(ProblemException.notFound("Clinician"));
                            }
                            Instant now = clock.instant();
                            Instant until = now.plus(OnCallService.WARNING_HORIZON);
                            return schedules.of(center, now, until)
                                    .map(before -> before.assignmentsOf(clinicianId, now, until))
                                    .flatMap(theirs -> ended.persist(EndedMembership.of(member, subject, now))
                                            .flatMap(x -> memberships.delete(member)).flatMap(x -> memberships.flush())
                                            .flatMap(x -> schedules.of(center, now, until))
                                            .map(after -> opened(after.gaps(now, until), theirs)))
                                    .flatMap(gaps -> teamMembers.removeFromCenter(clinicianId, centerId)
                                            .flatMap(teams -> withdrawHandoffs(centerId, clinicianId, subject, now)
                                                    .map(handoffs -> {
                                                        List<String> warnings = new ArrayList<>(
                                                                OnCallService.warnings(gaps, center));
                                                        if (teams > 0) {
                                                            warnings.add("They were taken off " + teams
                                                                    + " patient care team(s) at this center; name "
                                                                    + "someone in their place.");
                                                        }
                                                        if (handoffs > 0) {
                                                            warnings.add(handoffs + " hand-off(s) pending to them were "
                                                                    + "withdrawn; send them to someone else.");
                                                        }
                                                        return warnings;
                                                    })));
                        }));
    }

    /**
     * Changes a clinician's name, email or phone (the clinician, or an admin or coordinator of a center they belong to). Their
     * identity is one across centers, so every center that knows them sees the change.
     */
    @WithTransaction
    public Uni<ClinicianResponse> update(UUID centerId, UUID clinicianId, UpdateClinicianRequest request, Caller caller) {
        boolean nothing = request.name() == null && request.email() == null && request.phone() == null;
        return mayEdit(centerId, clinicianId, caller)
                .flatMap(member -> clinicians.findById(clinicianId, LockModeType.PESSIMISTIC_WRITE).map(k -> {
                    if (nothing) {
                        throw ProblemException.badRequest("Give at least one of name, email and phone.");
                    }
                    if (request.name() != null) {
                        k.name = request.name().strip();
                    }
                    if (request.email() != null) {
                        k.email = request.email().strip();
                    }
                    if (request.phone() != null) {
                        k.phone = request.phone().isEmpty() ? null : request.phone();
                    }
                    return ClinicianResponse.of(k, member);
                }));
    }

    /** The centers that know this clinician, whose paging directories a change of contact touches. */
    @WithSession
    public Uni<List<UUID>> centersOf(UUID clinicianId) {
        return memberships.ofClinician(clinicianId).map(all -> all.stream().map(m -> m.centerId).toList());
    }

    /** The clinician's membership at the center, if the caller is that clinician or may manage the center's clinicians. */
    private Uni<CenterMembership> mayEdit(UUID centerId, UUID clinicianId, Caller caller) {
        String subject = caller.subject();
        return access.visible(centerId, caller).flatMap(center -> memberships
                .findById(new CenterMembership.Key(centerId, clinicianId)).flatMap(member -> clinicians.findById(clinicianId)
                        .flatMap(k -> {
                            if (member != null && k != null && k.subject.equals(subject)) {
                                return Uni.createFrom().item(member);
                            }
                            return access.staff(centerId, caller, Roles.COORDINATOR).flatMap(ok -> member == null
                                    ? Uni.createFrom().failure(ProblemException.notFound("Clinician"))
                                    : Uni.createFrom().item(member));
                        })));
    }

    /** The gaps that overlap one of the departed clinician's former assignments. */
    private static List<GapResponse> opened(List<Gap> gaps, List<Assignment> theirs) {
        return gaps.stream()
                .filter(g -> theirs.stream().anyMatch(a -> a.tier() == g.tier() && a.start().isBefore(g.end())
                        && g.start().isBefore(a.end())))
                .map(GapResponse::of).toList();
    }

    private Uni<Integer> withdrawHandoffs(UUID centerId, UUID clinicianId, String subject, Instant now) {
        return handoffs.lockPendingTo(centerId, clinicianId).map(pending -> {
            for (Handoff h : pending) {
                h.status = HandoffStatus.WITHDRAWN;
                h.decidedBy = subject;
                h.decidedAt = now;
            }
            return pending.size();
        });
    }

    private Uni<Clinician> create(AddClinicianRequest request) {
        Clinician clinician = new Clinician();
        clinician.id = UUID.randomUUID();
        clinician.subject = request.subject();
        clinician.name = request.name();
        clinician.email = request.email();
        clinician.phone = request.phone();
        clinician.createdAt = clock.instant();
        return clinicians.persist(clinician);
    }
}
