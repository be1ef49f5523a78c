package org.cartcompanion.alert.alert.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.access.client.Directory;
import org.cartcompanion.alert.alert.Alert;
import org.cartcompanion.alert.notification.repository.NotificationRepository;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Memberships;
import org.cartcompanion.support.security.Roles;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Who may see and act on an alert, from stored relations: staff of the alert's center; the clinicians it was routed to, while
 * they still belong to (or, as community physicians, are known to) that center; a community physician whose patient's care team
 * names them; and, for its status only, the patient and linked caregivers.
 */
@ApplicationScoped
public class AlertAccess {

    public enum Grant {
        /** Everything, including the timeline; may acknowledge and resolve. */
        CLINICAL,
        /** The status, as the phone shows it. */
        STATUS,
        NONE
    }

    private final Directory directory;
    private final NotificationRepository notifications;

    public AlertAccess(Directory directory, NotificationRepository notifications) {
        this.directory = directory;
        this.notifications = notifications;
    }

    public static boolean isClinical(Caller caller) {
        return caller.has(Roles.CLINICIAN) || caller.has(Roles.COORDINATOR) || caller.has(Roles.COMMUNITY_PHYSICIAN);
    }

    public static boolean isPatientSide(Caller caller) {
        return caller.has(Roles.PATIENT) || caller.has(Roles.CAREGIVER);
    }

    public Uni<Grant> grant(Alert alert, Caller caller) {
        Uni<Grant> patientSide = isPatientSide(caller)
                ? directory.patientsOf(caller.subject()).map(p -> p.includes(alert.patientId) ? Grant.STATUS : Grant.NONE)
                : Uni.createFrom().item(Grant.NONE);
        if (!isClinical(caller)) {
            return patientSide;
        }
        return directory.memberships(caller.subject()).flatMap(m -> clinical(alert, caller, m))
                .flatMap(g -> g == Grant.CLINICAL ? Uni.createFrom().item(g) : patientSide);
    }

    private Uni<Grant> clinical(Alert alert, Caller caller, Memberships m) {
        if ((caller.has(Roles.CLINICIAN) || caller.has(Roles.COORDINATOR)) && m.isStaffOf(alert.centerId)) {
            return Uni.createFrom().item(Grant.CLINICAL);
        }
        UUID me = m.clinicianId();
        // Being paged once gives no lasting right: a clinician whose membership of the center ended sees none of its alerts.
        if (me == null || m.roleAt(alert.centerId) == null) {
            return Uni.createFrom().item(Grant.NONE);
        }
        return Panache.withSession(() -> notifications.routedTo(alert.id, me)).flatMap(routed -> {
            if (routed) {
                return Uni.createFrom().item(Grant.CLINICAL);
            }
            if (!caller.has(Roles.COMMUNITY_PHYSICIAN)) {
                return Uni.createFrom().item(Grant.NONE);
            }
            return directory.careTeam(alert.patientId).map(team -> team.names(me) ? Grant.CLINICAL : Grant.NONE);
        });
    }
}
