package org.cartcompanion.careteam.internal;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.center.repository.CenterRepository;
import org.cartcompanion.careteam.clinician.repository.ClinicianRepository;
import org.cartcompanion.careteam.clinician.repository.MembershipRepository;
import org.cartcompanion.support.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Answers the other services' questions about membership: this service is its source of truth. */
@ApplicationScoped
public class DirectoryService {

    private final ClinicianRepository clinicians;
    private final MembershipRepository memberships;
    private final CenterRepository centers;

    public DirectoryService(ClinicianRepository clinicians, MembershipRepository memberships,
            CenterRepository centers) {
        this.clinicians = clinicians;
        this.memberships = memberships;
        this.centers = centers;
    }

    @WithSession
    public Uni<Memberships> memberships(String subject) {
        return clinicians.findBySubject(subject).flatMap(clinician -> {
            if (clinician == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Subject"));
            }
            return memberships.ofClinician(clinician.id)
                    .map(list -> new Memberships(subject, clinician.id,
                            list.stream()
                                    .map(m -> new Memberships.Membership(m.centerId, m.role.name(), m.role.isStaff()))
                                    .toList()));
        });
    }

    @WithSession
    public Uni<CenterContact> center(UUID centerId) {
        return centers.findById(centerId)
                .flatMap(c -> c == null ? Uni.createFrom().failure(ProblemException.notFound("Center"))
                        : Uni.createFrom().item(new CenterContact(c.id, c.name, c.timeZone, c.phone, c.hotlineEmail)));
    }

    /**
     * The clinicians known to the center and the tiers with an on-call schedule. Rotations and shifts come with the on-call
     * feature; until a center has one, no tier is scheduled.
     */
    @WithSession
    public Uni<EscalationTargets> escalationTargets(UUID centerId) {
        return centers.findById(centerId).flatMap(center -> {
            if (center == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Center"));
            }
            return memberships.ofCenter(centerId).flatMap(list -> list.isEmpty()
                    ? Uni.createFrom().item(new EscalationTargets(centerId, List.of(), List.of()))
                    : clinicians
                            .list("id in ?1 order by name, id", list.stream().map(m -> m.clinicianId).toList())
                            .map(found -> new EscalationTargets(centerId, List.of(), found.stream()
                                    .map(c -> new EscalationTargets.Recipient(c.id, c.name, c.email, c.phone)).toList())));
        });
    }
}
