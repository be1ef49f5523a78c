package org.cartcompanion.careteam.oncall.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.center.Center;
import org.cartcompanion.careteam.center.repository.CenterRepository;
import org.cartcompanion.careteam.clinician.Recipient;
import org.cartcompanion.careteam.config.CareTeamConfig;
import org.cartcompanion.careteam.oncall.schedule.Assignment;
import org.cartcompanion.careteam.oncall.schedule.OnCallSchedule;
import org.cartcompanion.careteam.oncall.schedule.Tier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

/**
 * A center's on-call as routing reads it, kept for a couple of seconds: every alert of a busy center asks who is on call, and
 * reading the schedule, the staff, the rotations, the shifts and the holders' contact methods each time made routing ten
 * queries. What is kept is the schedule over a window around the read (who holds a tier at any instant of it is worked out from
 * it exactly as from a fresh read) with the contact methods of everyone it can name, and the center's hotline and phone.
 * <p>
 * A change made through this replica ({@link #changed}, called wherever the center's paging directory is announced changed)
 * drops the center's entry at once, and a read begun before it never stores what it read; a change made through another replica
 * counts within the time to live, as alert-service's own routing cache already allows. Callers own the session.
 */
@Startup
@ApplicationScoped
public class OnCallCache {

    /** How far around the read the schedule is kept: any instant of it is answered from the entry. */
    private static final Duration WINDOW = Duration.ofMinutes(10);
    /** The longest time to live accepted: on-call is cached for seconds, never minutes. */
    private static final Duration LONGEST_TTL = Duration.ofSeconds(30);

    /** The center as routing names it, with its on-call. */
    public record CenterOnCall(UUID centerId, String hotlineEmail, String phone, Map<String, List<Recipient>> onCall) {
    }

    private record Entry(Instant readAt, Instant from, Instant to, UUID centerId, String hotlineEmail, String phone,
            OnCallSchedule schedule, Map<UUID, Recipient> reach) {

        boolean answers(Instant at, Instant now, Duration ttl) {
            return !now.isBefore(readAt) && now.isBefore(readAt.plus(ttl)) && !at.isBefore(from) && at.isBefore(to);
        }

        /** Who is on call at {@code at}; empty if the entry cannot name one of them (then it is read afresh). */
        Optional<CenterOnCall> at(Instant at) {
            Map<String, List<Recipient>> named = new LinkedHashMap<>();
            for (Map.Entry<Tier, List<UUID>> tier : schedule.at(at).entrySet()) {
                if (!reach.keySet().containsAll(tier.getValue())) {
                    return Optional.empty();
                }
                named.put(tier.getKey().name(), tier.getValue().stream().map(reach::get).toList());
            }
            return Optional.of(new CenterOnCall(centerId, hotlineEmail, phone, named));
        }
    }

    private final CenterRepository centers;
    private final Schedules schedules;
    private final Clock clock;
    private final Duration ttl;
    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
    /** Counts changes: a read that saw another change happen while it ran does not store what it read. */
    private final AtomicLong changes = new AtomicLong();
    private final Counter hits;
    private final Counter misses;

    public OnCallCache(CenterRepository centers, Schedules schedules, Clock clock, CareTeamConfig config,
            MeterRegistry registry) {
        this.centers = centers;
        this.schedules = schedules;
        this.clock = clock;
        this.ttl = config.routing().onCallCacheTtl();
        // As the other services' directory caches report theirs: cache_gets_total{cache,result}.
        this.hits = gets("hit", registry);
        this.misses = gets("miss", registry);
        if (ttl.isNegative() || ttl.compareTo(LONGEST_TTL) > 0) {
            throw new IllegalArgumentException("careteam.routing.on-call-cache-ttl is " + ttl + "; it must be between 0 and "
                    + LONGEST_TTL.toSeconds() + " s: a change made through another replica counts only after it");
        }
    }

    /** The center and who is on call at {@code at}; null when there is no such center. */
    public Uni<CenterOnCall> at(UUID centerId, Instant at) {
        Instant now = clock.instant();
        Instant from = now.minus(WINDOW);
        Instant to = now.plus(WINDOW);
        if (ttl.isZero() || at.isBefore(from) || !at.isBefore(to)) {
            // Not the routing of an alert now (a question about another time): read for that instant alone.
            return centers.findById(centerId).flatMap(center -> center == null ? Uni.createFrom().nullItem()
                    : fresh(center, at));
        }
        Entry kept = entries.get(centerId);
        if (kept != null && kept.answers(at, now, ttl)) {
            Optional<CenterOnCall> answer = kept.at(at);
            if (answer.isPresent()) {
                hits.increment();
                return Uni.createFrom().item(answer.get());
            }
        }
        misses.increment();
        long seen = changes.get();
        return centers.findById(centerId).flatMap(center -> center == null ? Uni.createFrom().nullItem()
                : read(center, now, from, to).flatMap(entry -> {
                    Optional<CenterOnCall> answer = entry.at(at);
                    if (answer.isEmpty()) {
                        // A holder the read could not name (no such clinician row): the schedule's own answer, not kept.
                        return fresh(center, at);
                    }
                    // Kept only if no change came since the read began; atomic with changed() on the same center.
                    entries.compute(centerId, (id, before) -> changes.get() == seen ? entry : before);
                    return Uni.createFrom().item(answer.get());
                }));
    }

    private static Counter gets(String result, MeterRegistry registry) {
        return Counter.builder("cache.gets").tag("cache", "careteam-on-call").tag("result", result)
                .description("Routing's reads of a center's on-call: answered from the kept one (hit) or read (miss)")
                .register(registry);
    }

    private Uni<CenterOnCall> fresh(Center center, Instant at) {
        return schedules.onCall(center, at)
                .map(onCall -> new CenterOnCall(center.id, center.hotlineEmail, center.phone, onCall));
    }

    /** The center's on-call may have changed (a rotation, shift, membership, clinician or contact method): read it afresh. */
    public void changed(UUID centerId) {
        entries.compute(centerId, (id, before) -> {
            changes.incrementAndGet();
            return null;
        });
    }

    private Uni<Entry> read(Center center, Instant now, Instant from, Instant to) {
        return schedules.of(center, from, to).flatMap(schedule -> {
            // Everyone who holds a tier at some instant of the window: whoever the entry answers is among them.
            Set<UUID> named = Stream.of(Tier.values())
                    .<Assignment> flatMap(tier -> schedule.assignments(tier, from, to).stream())
                    .map(Assignment::clinicianId).collect(Collectors.toSet());
            return schedules.reachable(named).map(reach -> new Entry(now, from, to, center.id, center.hotlineEmail,
                    center.phone, schedule, Map.copyOf(reach)));
        });
    }
}
