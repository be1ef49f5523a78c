package org.cartcompanion.careteam.oncall.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.cartcompanion.careteam.center.Center;
import org.cartcompanion.careteam.center.repository.CenterRepository;
import org.cartcompanion.careteam.center.service.CenterAccess;
import org.cartcompanion.careteam.clinician.CenterMembership;
import org.cartcompanion.careteam.clinician.Clinician;
import org.cartcompanion.careteam.clinician.repository.MembershipRepository;
import org.cartcompanion.careteam.oncall.Rotation;
import org.cartcompanion.careteam.oncall.RotationMember;
import org.cartcompanion.careteam.oncall.Shift;
import org.cartcompanion.careteam.oncall.repository.RotationMemberRepository;
import org.cartcompanion.careteam.oncall.repository.RotationRepository;
import org.cartcompanion.careteam.oncall.repository.ShiftRepository;
import org.cartcompanion.careteam.oncall.rest.CoverageResponse;
import org.cartcompanion.careteam.oncall.rest.GapResponse;
import org.cartcompanion.careteam.oncall.rest.OnCallResponse;
import org.cartcompanion.careteam.oncall.rest.RotationRequest;
import org.cartcompanion.careteam.oncall.rest.RotationResponse;
import org.cartcompanion.careteam.oncall.rest.ShiftRequest;
import org.cartcompanion.careteam.oncall.rest.ShiftResponse;
import org.cartcompanion.careteam.oncall.schedule.Assignment;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Rotations, shifts, who is on call, coverage gaps and each clinician's calendar. */
@ApplicationScoped
public class OnCallService {

    /** How far ahead saving a rotation or shift looks for gaps. */
    public static final Duration WARNING_HORIZON = Duration.ofDays(14);
    /** The longest window a gaps or calendar query may span, and the longest shift. */
    static final Duration MAX_WINDOW = Duration.ofDays(92);

    private final CenterAccess access;
    private final CenterRepository centers;
    private final MembershipRepository memberships;
    private final RotationRepository rotations;
    private final RotationMemberRepository rotationMembers;
    private final ShiftRepository shifts;
    private final Schedules schedules;
    private final Clock clock;

    public OnCallService(CenterAccess access, CenterRepository centers, MembershipRepository memberships,
            RotationRepository rotations, RotationMemberRepository rotationMembers, ShiftRepository shifts,
            Schedules schedules, Clock clock) {
        this.access = access;
        this.centers = centers;
        this.memberships = memberships;
        this.rotations = rotations;
        this.rotationMembers = rotationMembers;
        this.shifts = shifts;
        this.schedules = schedules;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<RotationResponse> createRotation(UUID centerId, RotationRequest request, Caller caller) {
        if (request.endDate() != null && !request.endDate().isAfter(request.startDate())) {
            throw ProblemException.unprocessable("endDate", "must be after startDate");
        }
        return access.staff(centerId, caller, Roles.COORDINATOR)
                .flatMap(
                        center -> requireStaff(centerId, request.clinicianIds(), i -> "clinicianIds[" + i + "]").flatMap(ok -> {
                            Rotation r = new Rotation();
                            r.id = UUID.randomUUID();
                            r.centerId = centerId;
                            r.tier = request.tier();
                            r.startDate = request.startDate();
                            r.handoffTime = LocalTime.parse(request.handoffTime());
                            r.lengthDays = request.lengthDays();
                            r.endDate = request.endDate();
                            r.createdBy = caller.subject();
                            r.createdAt = clock.instant();
                            List<RotationMember> members = new ArrayList<>();
                            for (int i = 0; i < request.clinicianIds().size(); i++) {
                                RotationMember m = new RotationMember();
                                m.rotationId = r.id;
                                m.position = i;
                                m.clinicianId = request.clinicianIds().get(i);
                                members.add(m);
                            }
                            return rotations.persist(r).flatMap(saved -> rotationMembers.persist(members))
                                    .flatMap(saved -> upcomingGaps(center))
                                    .map(gaps -> RotationResponse.of(r, request.clinicianIds(), gaps,
                                            warnings(gaps, center)));
                        }));
    }

    @WithSession
    public Uni<List<RotationResponse>> rotations(UUID centerId, Caller caller) {
        return access.staffView(centerId, caller)
                .flatMap(center -> rotations.ofCenter(centerId)).flatMap(rows -> schedules.plans(rows)
                        // plans() keeps the rows' order, so the i-th plan holds the i-th rotation's members.
                        .map(plans -> IntStream.range(0, rows.size())
                                .mapToObj(i -> RotationResponse.of(rows.get(i), plans.get(i).members(), null, null))
                                .toList()));
    }

    @WithTransaction
    public Uni<CoverageResponse> deleteRotation(UUID centerId, UUID rotationId, Caller caller) {
        return access.staff(centerId, caller, Roles.COORDINATOR).flatMap(center -> rotations.findById(rotationId)
                .flatMap(r -> r == null || !r.centerId.equals(centerId)
                        ? Uni.createFrom().<CoverageResponse> failure(ProblemException.notFound("Rotation"))
                        : rotations.delete(r).flatMap(deleted -> upcomingGaps(center))
                                .map(gaps -> new CoverageResponse(gaps, warnings(gaps, center)))));
    }

    /**
     * Saves a one-off shift. The center's row is locked while overlaps are checked, so two coordinators saving at once cannot
     * both put somebody on the same tier at the same time.
     */
    @WithTransaction
    public Uni<ShiftResponse> createShift(UUID centerId, ShiftRequest request, Caller caller) {
        Instant start = request.start().toInstant();
        Instant end = request.end().toInstant();
        if (!end.isAfter(start)) {
            throw ProblemException.unprocessable("end", "must be after start (a shift cannot be empty or negative)");
        }
        if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw ProblemException.unprocessable("end", "a shift may last at most 92 days; use a rotation for standing cover");
        }
        return access.staff(centerId, caller, Roles.COORDINATOR)
                .flatMap(visible -> requireStaff(centerId, List.of(request.clinicianId()), i -> "clinicianId"))
                .flatMap(ok -> centers.findById(centerId, LockModeType.PESSIMISTIC_WRITE))
                .flatMap(center -> shifts.ofCenterBetween(centerId, start, end).flatMap(overlapping -> {
                    if (overlapping.stream().anyMatch(s -> s.tier == request.tier())) {
                        return Uni.createFrom().failure(ProblemException.unprocessable("start",
                                "overlaps another " + request.tier() + " shift; change or delete that one first"));
                    }
                    Shift s = new Shift();
                    s.id = UUID.randomUUID();
                    s.centerId = centerId;
                    s.clinicianId = request.clinicianId();
                    s.tier = request.tier();
                    s.startsAt = start;
                    s.endsAt = end;
                    s.createdBy = caller.subject();
                    s.createdAt = clock.instant();
                    return shifts.persist(s).flatMap(saved -> upcomingGaps(center))
                            .map(gaps -> new ShiftResponse(s.id, centerId, s.clinicianId, s.tier, s.startsAt, s.endsAt,
                                    s.createdAt, gaps, warnings(gaps, center)));
                }));
    }

    @WithSession
    public Uni<List<ShiftResponse>> shifts(UUID centerId, Instant from, Instant to, Caller caller) {
        Window window = window(from, to, MAX_WINDOW);
        return access.staffView(centerId, caller)
                .flatMap(center -> shifts.ofCenterBetween(centerId, window.from(), window.to()))
                .map(rows -> rows.stream().map(s -> new ShiftResponse(s.id, centerId, s.clinicianId, s.tier, s.startsAt,
                        s.endsAt, s.createdAt, null, null)).toList());
    }

    @WithTransaction
    public Uni<CoverageResponse> deleteShift(UUID centerId, UUID shiftId, Caller caller) {
        return access.staff(centerId, caller, Roles.COORDINATOR).flatMap(center -> shifts.findById(shiftId)
                .flatMap(s -> s == null || !s.centerId.equals(centerId)
                        ? Uni.createFrom().<CoverageResponse> failure(ProblemException.notFound("Shift"))
                        : shifts.delete(s).flatMap(deleted -> upcomingGaps(center))
                                .map(gaps -> new CoverageResponse(gaps, warnings(gaps, center)))));
    }

    /** Who is on call at {@code at} (default now); anyone with a part in the center may ask. */
    @WithSession
    public Uni<OnCallResponse> onCall(UUID centerId, Instant at, Caller caller) {
        Instant when = at == null ? clock.instant() : at;
        return access.visible(centerId, caller).flatMap(center -> schedules.onCall(center, when))
                .map(tiers -> new OnCallResponse(when, tiers));
    }

    @WithSession
    public Uni<List<GapResponse>> gaps(UUID centerId, Instant from, Instant to, Caller caller) {
        Window window = window(from, to, MAX_WINDOW);
        return access.staffView(centerId, caller)
                .flatMap(center -> schedules.of(center, window.from(), window.to()))
                .map(schedule -> schedule.gaps(window.from(), window.to()).stream().map(GapResponse::of).toList());
    }

    /**
     * A clinician's turns and shifts from a week ago to 60 days ahead, for their calendar: the clinician themself, or the
     * center's coordinators.
     */
    @WithSession
    public Uni<Calendar> calendar(UUID centerId, UUID clinicianId, Caller caller) {
        Instant now = clock.instant();
        Instant shownFrom = now.minus(Duration.ofDays(7));
        // Looked at from a month earlier, so the first turn shown keeps its real start (and its event id) between fetches.
        Instant from = shownFrom.minus(Duration.ofDays(31));
        Instant to = now.plus(Duration.ofDays(60));
        return access.visible(centerId, caller)
                .flatMap(center -> memberships.findById(new CenterMembership.Key(centerId, clinicianId))
                        .flatMap(m -> m == null ? Uni.createFrom().<Center> failure(ProblemException.notFound("Clinician"))
                                : mayReadCalendar(center, clinicianId, caller)))
                .flatMap(center -> schedules.of(center, from, to)
                        .flatMap(schedule -> schedules.named(List.of(clinicianId))
                                .map(named -> new Calendar(center, named.get(clinicianId),
                                        schedule.assignmentsOf(clinicianId, from, to).stream()
                                                .filter(a -> a.end().isAfter(shownFrom)).toList(),
                                        now))));
    }

    /** What an iCalendar feed is made from. */
    public record Calendar(Center center, Clinician clinician, List<Assignment> assignments, Instant generatedAt) {
    }

    private Uni<Center> mayReadCalendar(Center center, UUID clinicianId, Caller caller) {
        return memberships.ofSubjectAt(caller.subject(), center.id).flatMap(own -> {
            if (own != null && own.clinicianId.equals(clinicianId)) {
                return Uni.createFrom().item(center);
            }
            return access.staff(center.id, caller, Roles.COORDINATOR);
        });
    }

    private Uni<List<GapResponse>> upcomingGaps(Center center) {
        Instant now = clock.instant();
        Instant until = now.plus(WARNING_HORIZON);
        return schedules.of(center, now, until)
                .map(schedule -> schedule.gaps(now, until).stream().map(GapResponse::of).toList());
    }

    public static List<String> warnings(List<GapResponse> gaps, Center center) {
        ZoneId zone = ZoneId.of(center.timeZone);
        DateTimeFormatter shown = DateTimeFormatter.ofPattern("EEE d MMM HH:mm");
        return gaps.stream().map(g -> g.tier() + " has nobody on call from " + shown.format(g.start().atZone(zone))
                + " to " + shown.format(g.end().atZone(zone)) + " (" + zone.getId() + ").").toList();
    }

    /** 422 unless every id is a clinician on the center's staff (a community physician does not take center call). */
    private Uni<Boolean> requireStaff(UUID centerId, List<UUID> clinicianIds, IntFunction<String> field) {
        return memberships.ofCenter(centerId).map(members -> {
            List<Problem.FieldError> errors = new ArrayList<>();
            for (int i = 0; i < clinicianIds.size(); i++) {
                UUID id = clinicianIds.get(i);
                String path = field.apply(i);
                CenterMembership m = members.stream().filter(x -> x.clinicianId.equals(id)).findFirst().orElse(null);
                if (m == null) {
                    errors.add(new Problem.FieldError(path, "is not a clinician of this center"));
                } else if (!m.role.isStaff()) {
                    errors.add(new Problem.FieldError(path, "is a community physician, not the center's staff"));
                }
            }
            if (!errors.isEmpty()) {
                throw new ProblemException(422, "unprocessable", "On-call cover must name the center's own staff.",
                        errors);
            }
            return true;
        });
    }

    /** A query window: from defaults to now, to to from + 14 days; at most {@code max} long. */
    private Window window(Instant from, Instant to, Duration max) {
        Instant start = from == null ? clock.instant() : from;
        Instant end = to == null ? start.plus(WARNING_HORIZON) : to;
        if (!end.isAfter(start)) {
            throw ProblemException.badRequest("to must be after from.");
        }
        if (Duration.between(start, end).compareTo(max) > 0) {
            throw ProblemException.badRequest("The window may span at most 92 days.");
        }
        return new Window(start, end);
    }

    private record Window(Instant from, Instant to) {
    }
}
