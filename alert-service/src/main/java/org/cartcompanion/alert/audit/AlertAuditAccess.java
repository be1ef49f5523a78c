package org.cartcompanion.alert.audit;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.access.client.Directory;
import org.cartcompanion.alert.alert.repository.AlertRepository;
import org.cartcompanion.support.audit.AuditAccess;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.CenterAuthority;
import org.cartcompanion.support.security.Roles;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * An admin, or a coordinator (by membership) of the patient's center, reads the patient's trail here. The center is the one of
 * the patient's alerts, or else of their care team in care-team-service.
 */
@ApplicationScoped
public class AlertAuditAccess implements AuditAccess {

    private final AlertRepository alerts;
    private final Directory directory;

    public AlertAuditAccess(AlertRepository alerts, Directory directory) {
        this.alerts = alerts;
        this.directory = directory;
    }

    @Override
    public Uni<Void> mayRead(UUID patientId, Caller caller) {
        boolean admin = caller.has(Roles.ADMIN);
        Set<String> groups = Set.copyOf(caller.roles());
        String subject = caller.subject();
        return Panache.withSession(() -> alerts.find("patientId = ?1 order by openedAt desc", patientId).firstResult())
                .flatMap(alert -> alert != null ? Uni.createFrom().item(alert.centerId)
                        : directory.careTeam(patientId).map(team -> team.centerId()))
                .flatMap(centerId -> {
                    if (admin) {
                        return Uni.createFrom().voidItem();
                    }
                    if (centerId == null) {
                        return Uni.createFrom().failure(ProblemException.notFound("Patient"));
                    }
                    return directory.memberships(subject).map(m -> {
                        String role = m.roleAt(centerId);
                        if (!CenterAuthority.maySeeAsStaff(groups, role)) {
                            throw ProblemException.notFound("Patient");
                        }
                        if (!CenterAuthority.mayActAs(groups, role, Roles.COORDINATOR)) {
                            throw ProblemException
                                    .forbidden("Only a coordinator of the patient's center reads the audit trail.");
                        }
                        return null;
                    });
                });
    }
}
