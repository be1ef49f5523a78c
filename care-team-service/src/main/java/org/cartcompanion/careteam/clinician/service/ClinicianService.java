package org.cartcompanion.careteam.clinician.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.center.service.CenterAccess;
import org.cartcompanion.careteam.clinician.CenterMembership;
import org.cartcompanion.careteam.clinician.Clinician;
import org.cartcompanion.careteam.clinician.repository.ClinicianRepository;
import org.cartcompanion.careteam.clinician.repository.MembershipRepository;
import org.cartcompanion.careteam.clinician.rest.AddClinicianRequest;
import org.cartcompanion.careteam.clinician.rest.ClinicianResponse;
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

    public ClinicianService(CenterAccess access, ClinicianRepository clinicians, MembershipRepository memberships,
            Clock clock) {
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
