package org.cartcompanion.careteam.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.center.Center;
import org.cartcompanion.careteam.center.repository.CenterRepository;
import org.cartcompanion.careteam.center.repository.CenterWebhookRepository;
import org.cartcompanion.careteam.clinician.Clinician;
import org.cartcompanion.careteam.clinician.ClinicianRole;
import org.cartcompanion.careteam.clinician.Recipient;
import org.cartcompanion.careteam.clinician.repository.ClinicianRepository;
import org.cartcompanion.careteam.clinician.repository.MembershipRepository;
import org.cartcompanion.careteam.oncall.schedule.Assignment;
import org.cartcompanion.careteam.oncall.schedule.Tier;
import org.cartcompanion.careteam.oncall.service.Schedules;
import org.cartcompanion.careteam.team.repository.CareTeamMemberRepository;
import org.cartcompanion.careteam.team.repository.CareTeamRepository;
import org.cartcompanion.support.paging.Cursor;
import org.cartcompanion.support.paging.PageResponse;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Memberships;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Answers the other services' questions about membership: this service is its source of truth. */
@ApplicationScoped
public class DirectoryService {

    /** Shifts are loaded up to here when asking whether a tier has any schedule at all. */
    private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T00:00:00Z");
    /** How far ahead a paging directory names each tier's holders. */
    static final Duration PAGING_WINDOW = Duration.ofHours(48);

    private final ClinicianRepository clinicians;
    private final MembershipRepository memberships;
    private final CenterRepository centers;
    private final CareTeamRepository teams;
    private final CareTeamMemberRepository members;
    private final Schedules schedules;
    private final CenterWebhookRepository webhooks;
    private final Clock clock;

    public DirectoryService(ClinicianRepository clinicians, MembershipRepository memberships, CenterRepository centers,
            CareTeamRepository teams, CareTeamMemberRepository members, Schedules schedules, CenterWebhookRepository webhooks,
            Clock clock) {
        this.clinicians = clinicians;
        this.memberships = memberships;
        this.centers = centers;
        this.teams = teams;
        this.members = members;
        this.schedules = schedules;
        this.webhooks = webhooks;
        this.clock = clock;
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

    /** The clinicians known to the center, and the tiers that have a rotation or shift now or later. */
    @WithSession
    public Uni<EscalationTargets> escalationTargets(UUID centerId) {
        Instant now = clock.instant();
        return centers.findById(centerId).flatMap(center -> {
            if (center == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Center"));
            }
            return schedules.of(center, now, FAR_FUTURE).flatMap(schedule -> memberships.ofCenter(centerId)
                    .flatMap(list -> schedules.reachable(list.stream().map(m -> m.clinicianId).toList()))
                    .map(found -> new EscalationTargets(centerId,
                            Arrays.stream(Tier.values()).filter(t -> schedule.isScheduled(t, now)).map(Tier::name)
                                    .toList(),
                            byName(found.values()))));
        });
    }

    /** A center's paging directory: its contact, each tier's holders over the window, and the clinicians it knows. */
    @WithSession
    public Uni<PagingDirectory> pagingDirectory(UUID centerId) {
        return centers.findById(centerId).flatMap(center -> center == null
                ? Uni.createFrom().failure(ProblemException.notFound("Center"))
                : pagingDirectory(center, clock.instant()));
    }

    /** Every center's paging directory, oldest center first, one page at a time. */
    @WithSession
    public Uni<PageResponse<PagingDirectory>> pagingDirectories(Cursor after, int limit) {
        Instant now = clock.instant();
        return centers.pageAll(after, limit + 1).flatMap(page -> {
            List<Center> shown = page.subList(0, Math.min(limit, page.size()));
            Uni<List<PagingDirectory>> all = Uni.createFrom().item(new ArrayList<>());
            for (Center center : shown) {
                // One center after another: they share this request's session.
                all = all.flatMap(list -> pagingDirectory(center, now).map(d -> {
                    list.add(d);
                    return list;
                }));
            }
            String next = page.size() > limit ? new Cursor(shown.get(limit - 1).createdAt, shown.get(limit - 1).id).encode()
                    : null;
            return all.map(list -> new PageResponse<>(list, next));
        });
    }

    private Uni<PagingDirectory> pagingDirectory(Center center, Instant now) {
        Instant until = now.plus(PAGING_WINDOW);
        return schedules.of(center, now, until).flatMap(schedule -> {
            List<Assignment> turns = new ArrayList<>();
            for (Tier tier : Tier.values()) {
                turns.addAll(schedule.assignments(tier, now, until));
            }
            return memberships.ofCenter(center.id)
                    .flatMap(list -> schedules.reachable(list.stream().map(m -> m.clinicianId).toList()))
                    .flatMap(byId -> webhooks.ofCenter(center.id).map(hooks -> new PagingDirectory(center.id, center.name,
                            center.timeZone, center.phone, center.hotlineEmail, now, until,
                            // A turn is held only by the center's present staff (Schedules.of), so its holder is among them.
                            turns.stream().filter(t -> byId.containsKey(t.clinicianId()))
                                    .map(t -> new PagingDirectory.Turn(t.tier().name(), t.start(), t.end(),
                                            byId.get(t.clinicianId())))
                                    .toList(),
                            byName(byId.values()),
                            hooks.stream().map(h -> new PagingDirectory.Webhook(h.id, h.url, h.eventList(), h.format,
                                    h.secret)).toList())));
        });
    }

    /** Recipients by name, then id: the order the directory and the targets list them in. */
    private static List<Recipient> byName(Collection<Recipient> recipients) {
        return recipients.stream().sorted(Comparator.comparing(Recipient::name).thenComparing(Recipient::clinicianId))
                .toList();
    }

    /** The center's coordinators, by name, for tasks another service must put in front of them. */
    @WithSession
    public Uni<CenterCoordinators> coordinators(UUID centerId) {
        return centers.findById(centerId).flatMap(center -> {
            if (center == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Center"));
            }
            return memberships.ofCenter(centerId)
                    .flatMap(list -> clinicians.findByIds(list.stream()
                            .filter(m -> m.role == ClinicianRole.COORDINATOR).map(m -> m.clinicianId).toList()))
                    .map(found -> new CenterCoordinators(centerId, center.name, found.stream()
                            .sorted(Comparator.comparing((Clinician c) -> c.name).thenComparing(c -> c.id))
                            .map(Recipient::of).toList()));
        });
    }

    /** A patient's care team with its members' subjects, for the other services' access checks. */
    @WithSession
    public Uni<CareTeamMembers> careTeam(UUID patientId) {
        return teams.findById(patientId).flatMap(team -> team == null
                ? Uni.createFrom().failure(ProblemException.notFound("Care team"))
                : members.ofPatient(patientId).flatMap(list -> clinicians
                        .findByIds(list.stream().map(m -> m.clinicianId).toList())
                        .map(found -> new CareTeamMembers(patientId, team.centerId, team.phase.name(),
                                list.stream().map(m -> new CareTeamMembers.Member(m.clinicianId,
                                        found.stream().filter(c -> c.id.equals(m.clinicianId)).findFirst()
                                                .map(c -> c.subject).orElseThrow(),
                                        m.role.name())).toList()))));
    }
}
