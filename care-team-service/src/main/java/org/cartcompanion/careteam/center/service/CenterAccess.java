package org.cartcompanion.careteam.center.service;

import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.center.Center;
import org.cartcompanion.careteam.center.repository.CenterRepository;
import org.cartcompanion.careteam.clinician.CenterMembership;
import org.cartcompanion.careteam.clinician.repository.MembershipRepository;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.CenterAuthority;
import org.cartcompanion.support.security.Roles;

import io.smallrye.mutiny.Uni;

/**
 * Who may see and manage a center, from stored membership. A center the caller has no part in answers 404, as if it did not
 * exist.
 */
@ApplicationScoped
public class CenterAccess {

    private final CenterRepository centers;
    private final MembershipRepository memberships;

    public CenterAccess(CenterRepository centers, MembershipRepository memberships) {
        this.centers = centers;
        this.memberships = memberships;
    }

    /** The center, if the caller is an admin or has any membership in it. */
    public Uni<Center> visible(UUID centerId, Caller caller) {
        return centers.findById(centerId).flatMap(center -> {
            if (center == null) {
                return notFound();
            }
            if (caller.has(Roles.ADMIN)) {
                return Uni.createFrom().item(center);
            }
            return memberships.ofSubjectAt(caller.subject(), centerId)
                    .flatMap(m -> m == null ? notFound() : Uni.createFrom().item(center));
        });
    }

    /**
     * The center, if the caller is an admin or a staff member who may act there in one of the given roles: the role must be in
     * the token and carried by the caller's membership at this center ({@link CenterAuthority}). Staff without it: 403; anybody
     * else: 404.
     */
    public Uni<Center> staff(UUID centerId, Caller caller, String... roles) {
        Set<String> groups = Set.copyOf(caller.roles());
        return asStaff(centerId, caller, role -> CenterAuthority.mayActAs(groups, role, roles));
    }

    /**
     * The center, if the caller is an admin or sees it as its staff: a staff membership there and a staff group in the token
     * (whatever that membership's role). Reads only; actions go through {@link #staff}.
     */
    public Uni<Center> staffView(UUID centerId, Caller caller) {
        Set<String> groups = Set.copyOf(caller.roles());
        return asStaff(centerId, caller, role -> CenterAuthority.maySeeAsStaff(groups, role));
    }

    /** The center for an admin, or for its staff whose membership role there passes {@code allowed} (else 403). */
    private Uni<Center> asStaff(UUID centerId, Caller caller, Predicate<String> allowed) {
        boolean admin = caller.has(Roles.ADMIN);
        String subject = caller.subject();
        return visible(centerId, caller).flatMap(center -> {
            if (admin) {
                return Uni.createFrom().item(center);
            }
            return memberships.ofSubjectAt(subject, centerId).flatMap(m -> {
                if (!isStaff(m)) {
                    return notFound();
                }
                if (allowed.test(m.role.name())) {
                    return Uni.createFrom().item(center);
                }
                return Uni.createFrom().failure(ProblemException.forbidden(
                        "Your role at this center (" + m.role.name() + ") may not perform this action."));
            });
        });
    }

    private static boolean isStaff(CenterMembership m) {
        return m != null && m.role.isStaff();
    }

    private static <T> Uni<T> notFound() {
        return Uni.createFrom().failure(ProblemException.notFound("Center"));
    }
}
