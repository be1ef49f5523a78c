package org.cartcompanion.careteam.oncall.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A center's on-call schedule: its rotations and one-off shifts, in the center's time zone.
 * <p>
 * Who holds a tier at an instant: the clinician of a shift of that tier running then; otherwise the member whose turn it is in
 * the rotation of that tier that started most recently and still runs (so a new rotation may be planned to take over from a
 * date; of two starting at the same moment, the one later in the list, i.e. saved later); otherwise nobody, which is a coverage
 * gap. A clinician who no longer belongs to the center holds nothing: their shifts are passed over and their rotation turns are
 * gaps, reported as such until the coordinator changes the rotation.
 */
public final class OnCallSchedule {

    private final ZoneId zone;
    private final List<RotationPlan> rotations;
    private final List<ShiftPlan> shifts;
    private final Predicate<UUID> present;

    public OnCallSchedule(ZoneId zone, List<RotationPlan> rotations, List<ShiftPlan> shifts) {
        this(zone, rotations, shifts, clinicianId -> true);
    }

    /** {@code present} says who still belongs to the center's staff; anybody else is skipped. */
    public OnCallSchedule(ZoneId zone, List<RotationPlan> rotations, List<ShiftPlan> shifts, Predicate<UUID> present) {
        this.zone = zone;
        this.rotations = List.copyOf(rotations);
        this.shifts = List.copyOf(shifts);
        this.present = present;
    }

    /** Who is on call at {@code at}, per tier; a tier with nobody maps to an empty list. */
    public Map<Tier, List<UUID>> at(Instant at) {
        Map<Tier, List<UUID>> tiers = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            tiers.put(tier, holder(tier, at).map(a -> List.of(a.clinicianId())).orElse(List.of()));
        }
        return tiers;
    }

    /** The tier's holders over [from, to), in order, one entry per rotation turn or shift (cut by overrides); gaps left out. */
    public List<Assignment> assignments(Tier tier, Instant from, Instant to) {
        List<Assignment> result = new ArrayList<>();
        List<Instant> points = new ArrayList<>(changes(tier, from, to));
        for (int i = 0; i < points.size() - 1; i++) {
            Instant start = points.get(i);
            Instant end = points.get(i + 1);
            Optional<Assignment> holder = holder(tier, start);
            if (holder.isEmpty()) {
                continue;
            }
            Assignment a = holder.get();
            Assignment last = result.isEmpty() ? null : result.get(result.size() - 1);
            if (last != null && last.end().equals(start) && last.source() == a.source()
                    && last.sourceId().equals(a.sourceId()) && last.turn() == a.turn()) {
                result.set(result.size() - 1,
                        new Assignment(tier, a.clinicianId(), last.start(), end, a.source(), a.sourceId(), a.turn()));
            } else {
                result.add(new Assignment(tier, a.clinicianId(), start, end, a.source(), a.sourceId(), a.turn()));
            }
        }
        return result;
    }

    /** Every tier's holders over [from, to) that are this clinician, in order of start. */
    public List<Assignment> assignmentsOf(UUID clinicianId, Instant from, Instant to) {
        List<Assignment> result = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            assignments(tier, from, to).stream().filter(a -> a.clinicianId().equals(clinicianId)).forEach(result::add);
        }
        result.sort(Comparator.comparing(Assignment::start).thenComparing(Assignment::tier));
        return result;
    }

    /** The intervals within [from, to) where a tier has nobody on call, per tier in order. */
    public List<Gap> gaps(Instant from, Instant to) {
        List<Gap> gaps = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            Instant cursor = from;
            for (Assignment a : assignments(tier, from, to)) {
                if (a.start().isAfter(cursor)) {
                    addGap(gaps, tier, cursor, a.start());
                }
                cursor = a.end();
            }
            if (cursor.isBefore(to)) {
                addGap(gaps, tier, cursor, to);
            }
        }
        return gaps;
    }

    /** True when the tier has a rotation or shift that has not ended by {@code now}. */
    public boolean isScheduled(Tier tier, Instant now) {
        return rotations.stream().anyMatch(r -> r.tier() == tier && (r.end(zone) == null || r.end(zone).isAfter(now)))
                || shifts.stream().anyMatch(s -> s.tier() == tier && s.end().isAfter(now));
    }

    private static void addGap(List<Gap> gaps, Tier tier, Instant start, Instant end) {
        Gap last = gaps.isEmpty() ? null : gaps.get(gaps.size() - 1);
        if (last != null && last.tier() == tier && last.end().equals(start)) {
            gaps.set(gaps.size() - 1, new Gap(tier, last.start(), end));
        } else {
            gaps.add(new Gap(tier, start, end));
        }
    }

    private Optional<Assignment> holder(Tier tier, Instant at) {
        Optional<ShiftPlan> shift = shifts.stream()
                .filter(s -> s.tier() == tier && s.covers(at) && present.test(s.clinicianId()))
                .max(Comparator.comparing(ShiftPlan::start));
        if (shift.isPresent()) {
            ShiftPlan s = shift.get();
            return Optional.of(new Assignment(tier, s.clinicianId(), s.start(), s.end(), Assignment.Source.SHIFT, s.id(), -1));
        }
        RotationPlan current = null;
        for (RotationPlan r : rotations) {
            if (r.tier() == tier && r.covers(at, zone)
                    && (current == null || !r.start(zone).isBefore(current.start(zone)))) {
                current = r;
            }
        }
        if (current == null) {
            return Optional.empty();
        }
        long k = current.turnAt(at, zone);
        if (!present.test(current.memberOfTurn(k))) {
            return Optional.empty();
        }
        return Optional.of(new Assignment(tier, current.memberOfTurn(k), current.turnStart(k, zone),
                current.turnStart(k + 1, zone), Assignment.Source.ROTATION, current.id(), k));
    }

    /** Every instant within [from, to) at which the tier's holder may change, with both ends. */
    private TreeSet<Instant> changes(Tier tier, Instant from, Instant to) {
        TreeSet<Instant> points = new TreeSet<>();
        points.add(from);
        points.add(to);
        for (ShiftPlan s : shifts) {
            if (s.tier() == tier) {
                addWithin(points, s.start(), from, to);
                addWithin(points, s.end(), from, to);
            }
        }
        for (RotationPlan r : rotations) {
            if (r.tier() != tier) {
                continue;
            }
            Instant end = r.end(zone);
            addWithin(points, r.start(zone), from, to);
            if (end != null) {
                addWithin(points, end, from, to);
            }
            if (end != null && !end.isAfter(from) || !r.start(zone).isBefore(to)) {
                continue;
            }
            long k = r.start(zone).isBefore(from) ? r.turnAt(from, zone) : 0;
            for (Instant t = r.turnStart(k, zone); t.isBefore(to); t = r.turnStart(++k, zone)) {
                addWithin(points, t, from, to);
            }
        }
        return points;
    }

    private static void addWithin(TreeSet<Instant> points, Instant t, Instant from, Instant to) {
        if (t.isAfter(from) && t.isBefore(to)) {
            points.add(t);
        }
    }
}
