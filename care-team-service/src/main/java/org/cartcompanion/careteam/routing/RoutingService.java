package org.cartcompanion.careteam.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.client.Patients;
import org.cartcompanion.careteam.clinician.ClinicianRole;
import org.cartcompanion.careteam.clinician.Recipient;
import org.cartcompanion.careteam.oncall.service.OnCallCache;
import org.cartcompanion.careteam.oncall.service.OnCallCache.CenterOnCall;
import org.cartcompanion.careteam.oncall.service.Schedules;
import org.cartcompanion.careteam.routing.rules.Disposition;
import org.cartcompanion.careteam.routing.rules.Responsible;
import org.cartcompanion.careteam.team.CarePhase;
import org.cartcompanion.careteam.team.CareTeamMember;
import org.cartcompanion.careteam.team.repository.CareTeamMemberRepository;
import org.cartcompanion.careteam.team.repository.CareTeamRepository;
import org.cartcompanion.support.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Who is responsible for a patient's alert. A patient without a care team is center-led at the center patient-service names, so
 * an alert for a patient enrolled a minute ago still reaches the on-call.
 */
@ApplicationScoped
public class RoutingService {

    private final CareTeamRepository teams;
    private final CareTeamMemberRepository members;
    private final OnCallCache onCall;
    private final Schedules schedules;
    private final Patients patients;
    private final Clock clock;

    public RoutingService(CareTeamRepository teams, CareTeamMemberRepository members, OnCallCache onCall,
            Schedules schedules, Patients patients, Clock clock) {
        this.teams = teams;
        this.members = members;
        this.onCall = onCall;
        this.schedules = schedules;
        this.patients = patients;
        this.clock = clock;
    }

    /**
     * {@code centerId}, when the caller knows it (the triage event carries it), places a patient without a care team without
     * asking patient-service, so the alert is routed while patient-service is down.
     */
    @WithSession
    public Uni<RoutingResponse> route(UUID patientId, Disposition disposition, Instant at, UUID centerId) {
        Instant when = at == null ? clock.instant() : at;
        return teams.findById(patientId).flatMap(team -> {
            if (team != null) {
                return members.ofPatient(patientId).flatMap(list -> answer(patientId, team.centerId, team.phase, list,
                        disposition, when));
            }
            if (centerId != null) {
                return answer(patientId, centerId, CarePhase.CENTER_LED, List.of(), disposition, when);
            }
            return patients.find(patientId).flatMap(patient -> patient == null
                    ? Uni.createFrom().failure(ProblemException.notFound("Patient"))
                    : answer(patientId, patient.centerId(), CarePhase.CENTER_LED, List.of(), disposition, when));
        });
    }

    private Uni<RoutingResponse> answer(UUID patientId, UUID centerId, CarePhase phase, List<CareTeamMember> team,
            Disposition disposition, Instant at) {
        return onCall.at(centerId, at).flatMap(center -> center == null
                ? Uni.createFrom().failure(ProblemException.notFound("Center"))
                : team(team).map(byId -> {
                    List<Recipient> staff = team.stream().filter(m -> m.role.isStaff())
                            .map(m -> byId.get(m.clinicianId)).toList();
                    List<Recipient> community = team.stream()
                            .filter(m -> m.role == ClinicianRole.COMMUNITY_PHYSICIAN)
                            .map(m -> byId.get(m.clinicianId)).toList();
                    return response(patientId, center, phase, disposition, staff, community);
                }));
    }

    /** The care team's members as a page reaches them; no query for a patient without one. */
    private Uni<Map<UUID, Recipient>> team(List<CareTeamMember> team) {
        return team.isEmpty() ? Uni.createFrom().item(Map.of())
                : schedules.reachable(team.stream().map(m -> m.clinicianId).toList());
    }

    private static RoutingResponse response(UUID patientId, CenterOnCall center, CarePhase phase, Disposition disposition,
            List<Recipient> staff, List<Recipient> community) {
        return new RoutingResponse(patientId, center.centerId(), phase,
                Responsible.of(disposition, phase, !community.isEmpty()), center.onCall(), staff, community,
                center.hotlineEmail(), center.phone());
    }
}
