package org.cartcompanion.support.security;

import java.util.Set;

/**
 * Authority is per center (API.md v1.1): the token's groups say what a caller may be, the membership at that center says where.
 * An action open to some roles is allowed when one of them is both in the token and carried by the caller's membership at that
 * center (a COORDINATOR membership carries the clinician's role too). Seeing the center's data needs a staff membership there
 * and a staff group in the token. A subject who is COORDINATOR at center B and NURSE at center A, with a {@code coordinator}
 * token, therefore acts as a nurse at A: they see A's patients but take no coordinator's action there (and no clinician's:
 * their token does not carry that group). The one place every service decides it; no framework types.
 */
public final class CenterAuthority {

    private CenterAuthority() {
    }

    /** The roles a membership at a center carries (care-team-service's PHYSICIAN, NURSE, COORDINATOR, COMMUNITY_PHYSICIAN). */
    public static Set<String> carriedBy(String membershipRole) {
        if (membershipRole == null) {
            return Set.of();
        }
        return switch (membershipRole) {
        case "COORDINATOR" -> Set.of(Roles.COORDINATOR, Roles.CLINICIAN);
        case "PHYSICIAN", "NURSE" -> Set.of(Roles.CLINICIAN);
        case "COMMUNITY_PHYSICIAN" -> Set.of(Roles.COMMUNITY_PHYSICIAN);
        default -> Set.of();
        };
    }

    /** Whether the membership is one of the center's staff (not a community physician it merely knows). */
    public static boolean isStaff(String membershipRole) {
        return carriedBy(membershipRole).contains(Roles.CLINICIAN);
    }

    /** Whether the caller sees the center's data as its staff: a staff membership there and a staff group in the token. */
    public static boolean maySeeAsStaff(Set<String> tokenGroups, String membershipRole) {
        return isStaff(membershipRole) && (tokenGroups.contains(Roles.CLINICIAN) || tokenGroups.contains(Roles.COORDINATOR));
    }

    /**
     * Whether the caller may take an action open to {@code roles} at a center where their membership role is
     * {@code membershipRole} (null: none): one of the roles must be both in the token and carried by that membership.
     */
    public static boolean mayActAs(Set<String> tokenGroups, String membershipRole, String... roles) {
        Set<String> carried = carriedBy(membershipRole);
        for (String role : roles) {
            if (tokenGroups.contains(role) && carried.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
