package org.cartcompanion.careteam.oncall.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.center.Center;
import org.cartcompanion.careteam.clinician.Clinician;
import org.cartcompanion.careteam.clinician.Recipient;
import org.cartcompanion.careteam.clinician.repository.ClinicianRepository;
import org.cartcompanion.careteam.clinician.repository.ContactMethodRepository;
import org.cartcompanion.careteam.clinician.repository.MembershipRepository;
import org.cartcompanion.careteam.oncall.Rotation;
import org.cartcompanion.careteam.oncall.RotationMember;
import org.cartcompanion.careteam.oncall.Shift;
import org.cartcompanion.careteam.oncall.repository.RotationMemberRepository;
import org.cartcompanion.careteam.oncall.repository.RotationRepository;
import org.cartcompanion.careteam.oncall.repository.ShiftRepository;
import org.cartcompanion.careteam.oncall.schedule.OnCallSchedule;
import org.cartcompanion.careteam.oncall.schedule.RotationPlan;
import org.cartcompanion.careteam.oncall.schedule.ShiftPlan;
import org.cartcompanion.careteam.oncall.schedule.Tier;

import io.smallrye.mutiny.Uni;

/** Loads a center's schedule from its rows and names the people in it. Callers own the session. */
@ApplicationScoped
public class Schedules {

    private final RotationRepository rotations;
    private final RotationMemberRepository members;
    private final ShiftRepository shifts;
    private final ClinicianRepository clinicians;
    private final MembershipRepository memberships;
    private final ContactMethodRepository contactMethods;

    public Schedules(RotationRepository rotations, RotationMemberRepository members, ShiftRepository shifts,
            ClinicianRepository clinicians, MembershipRepository memberships, ContactMethodRepository contactMethods) {
        this.memberships = memberships;
        this.contactMethods = contactMethods;
        this.rotations = rotations;
        this.members = members;
        this.shifts = shifts;
        this.clinicians = clinicians;
    }

    /**
     * The center's schedule with every rotation and the shifts that overlap [from, to). Only the center's present staff hold a
     * turn or shift: a clinician whose membership ended is skipped, which leaves their turns as gaps.
     */
    public Uni<OnCallSchedule> of(Center center, Instant from, Instant to) {
        return memberships.ofCenter(center.id).flatMap(staff -> {
            Set<UUID> present = staff.stream().filter(m -> m.role.isStaff()).map(m -> m.clinicianId)
                    .collect(Collectors.toSet());
            return rotations.ofCenter(center.id).flatMap(rows -> plans(rows)).flatMap(
                    plans -> shifts.ofCenterBetween(center.id, from, to).map(found -> new OnCallSchedule(
                            ZoneId.of(center.timeZone), plans, found.stream().map(Schedules::plan).toList(),
                            present::contains)));
        });
    }

    /** Who is on call at {@code at}, named: PRIMARY and BACKUP, each an empty list when nobody. */
    public Uni<Map<String, List<Recipient>>> onCall(Center center, Instant at) {
        return of(center, at, at.plusSeconds(1)).flatMap(schedule -> {
            Map<Tier, List<UUID>> holders = schedule.at(at);
            return reachable(holders.values().stream().flatMap(List::stream).toList())
                    .map(byId -> holders.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().name(),
                            e -> e.getValue().stream().map(byId::get).toList(), (a, b) -> a,
                            LinkedHashMap::new)));
        });
    }

    /**
     * The clinicians with these ids as a page reaches them, by id, in the order given: each with the contact methods they saved
     * (or email at once).
     */
    public Uni<Map<UUID, Recipient>> reachable(Collection<UUID> ids) {
        List<UUID> distinct = ids.stream().distinct().toList();
        return named(distinct).flatMap(byId -> contactMethods.ofClinicians(byId.keySet()).map(methods -> {
            Map<UUID, Recipient> reach = new LinkedHashMap<>();
            distinct.stream().filter(byId::containsKey)
                    .forEach(id -> reach.put(id, Recipient.of(byId.get(id), methods.get(id))));
            return reach;
        }));
    }

    /** The clinicians with these ids, by id. */
    public Uni<Map<UUID, Clinician>> named(Collection<UUID> ids) {
        return clinicians.findByIds(ids.stream().distinct().toList())
                .map(found -> found.stream().collect(Collectors.toMap(c -> c.id, Function.identity())));
    }

    public static ShiftPlan plan(Shift s) {
        return new ShiftPlan(s.id, s.tier, s.clinicianId, s.startsAt, s.endsAt);
    }

    public static RotationPlan plan(Rotation r, List<UUID> memberIds) {
        return new RotationPlan(r.id, r.tier, r.startDate, r.handoffTime, r.lengthDays, r.endDate, memberIds);
    }

    /** The rotations as plans, each with its members in turn order. */
    public Uni<List<RotationPlan>> plans(List<Rotation> rows) {
        return members.ofRotations(rows.stream().map(r -> r.id).toList()).map(all -> {
            Map<UUID, List<UUID>> byRotation = all.stream().collect(Collectors.groupingBy(m -> m.rotationId,
                    Collectors.mapping((RotationMember m) -> m.clinicianId, Collectors.toList())));
            List<RotationPlan> plans = new ArrayList<>();
            for (Rotation r : rows) {
                plans.add(plan(r, byRotation.getOrDefault(r.id, List.of())));
            }
            return plans;
        });
    }
}
