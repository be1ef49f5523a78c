package org.cartcompanion.careteam.handoff.service;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.center.Center;
import org.cartcompanion.careteam.clinician.Clinician;
import org.cartcompanion.careteam.clinician.ClinicianRole;
import org.cartcompanion.careteam.clinician.repository.ClinicianRepository;
import org.cartcompanion.careteam.clinician.repository.MembershipRepository;
import org.cartcompanion.careteam.config.CareTeamConfig;
import org.cartcompanion.careteam.handoff.Handoff;
import org.cartcompanion.careteam.mail.MailOutbox;
import org.cartcompanion.careteam.team.CarePhase;
import org.cartcompanion.careteam.team.CareTeam;

import io.smallrye.mutiny.Uni;

/** The mail a hand-off causes, queued in the caller's transaction. No patient is named; the console shows who. */
@ApplicationScoped
public class HandoffNotices {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm");

    private final MailOutbox outbox;
    private final MembershipRepository memberships;
    private final ClinicianRepository clinicians;
    private final CareTeamConfig.Handoff config;

    public HandoffNotices(MailOutbox outbox, MembershipRepository memberships, ClinicianRepository clinicians,
            CareTeamConfig config) {
        this.outbox = outbox;
        this.memberships = memberships;
        this.clinicians = clinicians;
        this.config = config.handoff();
    }

    Uni<Void> requested(Handoff h, Center center, Clinician receiver) {
        return outbox.notice(List.of(receiver.email), "a patient hand-off awaits your acceptance",
                List.of(center.name + " asks you to take on " + care(h.toPhase) + " of a patient after CAR-T therapy.",
                        "Read the clinical summary, then accept or decline in the console. Until you accept, the center"
                                + " stays responsible.",
                        "Please answer within " + hours(config.remindAfter()) + " hours."),
                link(h), "Open the hand-off");
    }

    Uni<Void> reminder(Handoff h, Center center, Clinician receiver) {
        return outbox.notice(List.of(receiver.email), "reminder: a patient hand-off awaits your acceptance",
                List.of(center.name + " asked you on " + when(h, center) + " to take on " + care(h.toPhase)
                        + " of a patient after CAR-T therapy.",
                        "If it is not answered within " + hours(config.expireAfter().minus(config.remindAfter()))
                                + " more hours it lapses and the center's coordinators are told."),
                link(h), "Open the hand-off");
    }

    /** The center withdrew a hand-off the receiver was asked to accept. */
    Uni<Void> withdrawn(Handoff h, Center center, Clinician receiver) {
        return outbox.notice(List.of(receiver.email), "a hand-off was withdrawn",
                List.of(center.name + " withdrew the hand-off it sent you on " + when(h, center)
                        + ". Nothing is needed from you; the center stays responsible for the patient."),
                link(h), "Open the hand-off");
    }

    /** Accepted, declined or lapsed: the center's coordinators and the sender are told. */
    Uni<Void> decided(Handoff h, Center center, Clinician receiver) {
        String title;
        List<String> lines = new ArrayList<>();
        switch (h.status) {
        case ACCEPTED -> {
            title = "hand-off accepted";
            lines.add(receiver.name + " accepted the hand-off sent on " + when(h, center) + ". The patient's care is now "
                    + care(h.toPhase) + ".");
        }
        case DECLINED -> {
            title = "hand-off declined";
            lines.add(receiver.name + " declined the hand-off sent on " + when(h, center)
                    + ". The center stays responsible; the reason is in the console.");
        }
        default -> {
            title = "hand-off not answered";
            lines.add("The hand-off to " + receiver.name + " sent on " + when(h, center) + " was not answered within "
                    + hours(config.expireAfter()) + " hours and has lapsed. The center stays responsible.");
        }
        }
        return coordinatorsAndSender(h).flatMap(to -> outbox.notice(to, title, lines, link(h), "Open the hand-off"));
    }

    /** A patient reached the center's day for proposing a hand-off: its coordinators are told. */
    Uni<Void> due(CareTeam team, Center center, CarePhase toPhase, int day) {
        return coordinators(center.id).flatMap(to -> outbox.notice(to, "a patient is due for a hand-off",
                List.of("A patient of " + center.name + " reached day " + day + " after infusion, the center's day for"
                        + " proposing " + care(toPhase) + ".",
                        "Open the patient's care team to send a hand-off with a summary to their community physician."),
                outbox.console("care-teams/" + team.patientId), "Open the care team"));
    }

    private Uni<List<String>> coordinatorsAndSender(Handoff h) {
        return coordinators(h.centerId).flatMap(to -> clinicians.findBySubject(h.createdBy).map(sender -> {
            List<String> all = new ArrayList<>(to);
            if (sender != null) {
                all.add(sender.email);
            }
            return all;
        }));
    }

    private Uni<List<String>> coordinators(UUID centerId) {
        return memberships.ofCenter(centerId)
                .flatMap(members -> clinicians.findByIds(members.stream()
                        .filter(m -> m.role == ClinicianRole.COORDINATOR).map(m -> m.clinicianId).toList()))
                .map(found -> found.stream().map(c -> c.email).toList());
    }

    private String link(Handoff h) {
        return outbox.console("handoffs/" + h.id);
    }

    private static String when(Handoff h, Center center) {
        return WHEN.format(h.createdAt.atZone(ZoneId.of(center.timeZone))) + " (" + center.timeZone + ")";
    }

    private static String care(CarePhase phase) {
        return phase == CarePhase.SHARED ? "shared care" : "community-led care";
    }

    private static long hours(Duration d) {
        return d.toHours();
    }
}
