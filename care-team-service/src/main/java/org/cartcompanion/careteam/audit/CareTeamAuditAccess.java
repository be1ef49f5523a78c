package org.cartcompanion.careteam.audit;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.center.service.CenterAccess;
import org.cartcompanion.careteam.client.Patients;
import org.cartcompanion.careteam.team.repository.CareTeamRepository;
import org.cartcompanion.support.audit.AuditAccess;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * An admin, or a coordinator (by membership) of the patient's center, reads the patient's trail here. The center is the one of
 * the patient's care team, or else patient-service's record of them.
 */
@ApplicationScoped
public class CareTeamAuditAccess implements AuditAccess {

    private final CareTeamRepository teams;
    private final Patients patients;
    private final CenterAccess access;

    public CareTeamAuditAccess(CareTeamRepository teams, Patients patients, CenterAccess access) {
        this.teams = teams;
        this.patients = patients;
        this.access = access;
    }

    @Override
    @WithSession
    public Uni<Void> mayRead(UUID patientId, Caller caller) {
        return teams.findById(patientId)
                .flatMap(team -> team != null ? Uni.createFrom().item(team.centerId)
                        : patients.find(patientId).map(p -> p == null ? null : p.centerId()))
                .flatMap(centerId -> {
                    if (centerId == null) {
                        return caller.has(Roles.ADMIN) ? Uni.createFrom().voidItem()
                                : Uni.createFrom().failure(ProblemException.notFound("Patient"));
                    }
                    return access.staff(centerId, caller, Roles.COORDINATOR).replaceWithVoid()
                            .onFailure(ProblemException.class).transform(e -> ((ProblemException) e).status() == 404
                                    ? ProblemException.notFound("Patient")
                                    : e);
                });
    }
}
