package org.cartcompanion.patient.patient.service;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.access.client.CareTeamDirectory;
import org.cartcompanion.patient.caregiver.repository.CaregiverLinkRepository;
import org.cartcompanion.patient.patient.Patient;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.CenterAuthority;
import org.cartcompanion.support.security.Roles;

import io.smallrye.mutiny.Uni;

/**
 * Decides from stored relations whether a caller may see a patient: the patient themself, a linked caregiver, staff of the
 * patient's center, or a community physician the patient's care team names (the last two asked of care-team-service).
 */
@ApplicationScoped
public class PatientAccess {

    private final CaregiverLinkRepository caregivers;
    private final CareTeamDirectory directory;

    public PatientAccess(CaregiverLinkRepository caregivers, CareTeamDirectory directory) {
        this.caregivers = caregivers;
        this.directory = directory;
    }

    public Uni<Boolean> maySee(Patient patient, Caller caller) {
        if (patient.status.openToPatientSide() && caller.has(Roles.CAREGIVER) && !isThePatient(patient, caller)) {
            return caregivers.isLinked(patient.id, caller.subject()).flatMap(linked -> maySee(patient, caller, linked));
        }
        return maySee(patient, caller, false);
    }

    /** As above, with whether the caller is a caregiver linked to the patient already read ({@code linked}). */
    public Uni<Boolean> maySee(Patient patient, Caller caller, boolean linked) {
        boolean open = patient.status.openToPatientSide();
        if (open && (isThePatient(patient, caller) || caller.has(Roles.CAREGIVER) && linked)) {
            return Uni.createFrom().item(true);
        }
        return isCenterStaff(patient.centerId, caller)
                .flatMap(staff -> staff ? Uni.createFrom().item(true) : isCommunityPhysicianOf(patient, caller));
    }

    private static boolean isThePatient(Patient patient, Caller caller) {
        return caller.has(Roles.PATIENT) && caller.subject().equals(patient.subject);
    }

    /** A community physician whom the patient's care team names (shared care after a hand-off). */
    public Uni<Boolean> isCommunityPhysicianOf(Patient patient, Caller caller) {
        if (!caller.has(Roles.COMMUNITY_PHYSICIAN)) {
            return Uni.createFrom().item(false);
        }
        return directory.careTeam(patient.id).map(team -> team.names(caller.subject(), "COMMUNITY_PHYSICIAN"));
    }

    /** A clinician or coordinator who belongs to the center's staff (whatever their role there): they see its patients. */
    public Uni<Boolean> isCenterStaff(UUID centerId, Caller caller) {
        return standing(centerId, caller).map(s -> s != Standing.NONE);
    }

    /** How far the caller's authority at a center goes, for an action open to {@code roles}. */
    public enum Standing {
        /** Not the center's staff: the center and its patients do not exist for them (404). */
        NONE,
        /** Staff who see the center's patients but whose role there does not allow the action (403). */
        SEES,
        /** Staff whose token and membership at this center both carry one of the roles. */
        ACTS
    }

    /** The caller's standing at the center for an action open to {@code roles} (none: reading). */
    public Uni<Standing> standing(UUID centerId, Caller caller, String... roles) {
        if (!caller.has(Roles.CLINICIAN) && !caller.has(Roles.COORDINATOR)) {
            return Uni.createFrom().item(Standing.NONE);
        }
        // Read now, in the request: the callback may run where the request's beans are gone.
        Set<String> groups = Set.copyOf(caller.roles());
        return directory.memberships(caller.subject()).map(m -> {
            String role = m.roleAt(centerId);
            if (!CenterAuthority.maySeeAsStaff(groups, role)) {
                return Standing.NONE;
            }
            return roles.length == 0 || CenterAuthority.mayActAs(groups, role, roles) ? Standing.ACTS
                    : Standing.SEES;
        });
    }
}
