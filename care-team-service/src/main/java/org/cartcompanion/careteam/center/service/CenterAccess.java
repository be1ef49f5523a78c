package org.cartcompanion.careteam.center.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.center.Center;
import org.cartcompanion.careteam.center.repository.CenterRepository;
import org.cartcompanion.careteam.clinician.CenterMembership;
import org.cartcompanion.careteam.clinician.repository.MembershipRepository;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;
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

    /** The center, if the caller is an admin or a staff member holding one of the given JWT roles. */
    public Uni<Center> staff(UUID centerId, Caller caller, String... roles) {
        return visible(centerId, caller).flatMap(center -> {
            if (caller.has(Roles.ADMIN)) {
                return Uni.createFrom().item(center);
            }
            return memberships.ofSubjectAt(caller.subject(), centerId).flatMap(m -> {
                if (!isStaff(m)) {
                    return notFound();
                }
                for (String role : roles) {
                    if (caller.has(role)) {
                        return Uni.createFrom().item(center);
                    }
                }
                return Uni.createFrom().failure(ProblemException.forbidden("Your role may not perform this action."));
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
