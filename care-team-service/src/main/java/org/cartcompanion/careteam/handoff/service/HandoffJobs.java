package org.cartcompanion.careteam.handoff.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.center.repository.CenterRepository;
import org.cartcompanion.careteam.clinician.repository.ClinicianRepository;
import org.cartcompanion.careteam.config.CareTeamConfig;
import org.cartcompanion.careteam.handoff.Handoff;
import org.cartcompanion.careteam.handoff.HandoffProposal;
import org.cartcompanion.careteam.handoff.HandoffStatus;
import org.cartcompanion.careteam.handoff.repository.HandoffProposalRepository;
import org.cartcompanion.careteam.handoff.repository.HandoffRepository;
import org.cartcompanion.careteam.team.CarePhase;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Time-driven hand-off work, on every replica ({@code SKIP LOCKED} gives each row to one): reminders to receivers who have not
 * answered, lapsing with the coordinators told, and telling coordinators when a patient reaches the center's hand-off day.
 */
@ApplicationScoped
public class HandoffJobs {

    private static final int BATCH = 50;

    private final HandoffRepository handoffs;
    private final HandoffProposalRepository proposals;
    private final CenterRepository centers;
    private final ClinicianRepository clinicians;
    private final HandoffNotices notices;
    private final Clock clock;
    private final CareTeamConfig.Handoff config;

    public HandoffJobs(HandoffRepository handoffs, HandoffProposalRepository proposals, CenterRepository centers,
            ClinicianRepository clinicians, HandoffNotices notices, Clock clock, CareTeamConfig config) {
        this.handoffs = handoffs;
        this.proposals = proposals;
        this.centers = centers;
        this.clinicians = clinicians;
        this.notices = notices;
        this.clock = clock;
        this.config = config.handoff();
    }

    @Scheduled(every = "${careteam.handoff.check-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return runOnce().onFailure().recoverWithItem(e -> {
            Log.warnf(e, "hand-off pass failed");
            return null;
        });
    }

    /** One pass of everything; each part in its own transaction. */
    public Uni<Void> runOnce() {
        return Panache.withTransaction(this::remind).flatMap(x -> Panache.withTransaction(this::lapse))
                .flatMap(x -> Panache.withTransaction(() -> propose(CarePhase.SHARED)))
                .flatMap(x -> Panache.withTransaction(() -> propose(CarePhase.COMMUNITY_LED)));
    }

    private Uni<Void> remind() {
        Instant now = clock.instant();
        return handoffs.lockUnremindedBetween(now.minus(config.expireAfter()), now.minus(config.remindAfter()), BATCH)
                .flatMap(due -> each(due, h -> notify(h, false).invoke(() -> h.remindedAt = now)));
    }

    private Uni<Void> lapse() {
        Instant now = clock.instant();
        return handoffs.lockPendingBefore(now.minus(config.expireAfter()), BATCH).flatMap(due -> each(due, h -> {
            h.status = HandoffStatus.EXPIRED;
            h.decidedBy = "system";
            h.decidedAt = now;
            return notify(h, true);
        }));
    }

    private Uni<Void> notify(Handoff h, boolean lapsed) {
        return centers.findById(h.centerId).flatMap(center -> clinicians.findById(h.toClinicianId)
                .flatMap(receiver -> lapsed ? notices.decided(h, center, receiver)
                        : notices.reminder(h, center, receiver)));
    }

    private Uni<Void> propose(CarePhase toPhase) {
        Instant now = clock.instant();
        return proposals.lockDue(toPhase.name(), now, BATCH).flatMap(due -> each(due, team -> centers
                .findById(team.centerId).flatMap(center -> {
                    HandoffProposal p = new HandoffProposal();
                    p.patientId = team.patientId;
                    p.toPhase = toPhase;
                    p.proposedAt = now;
                    ZoneId zone = ZoneId.of(team.timeZone != null ? team.timeZone : center.timeZone);
                    int day = (int) ChronoUnit.DAYS.between(team.infusionDate, LocalDate.ofInstant(now, zone));
                    return proposals.persist(p).flatMap(saved -> notices.due(team, center, toPhase, day));
                })));
    }

    private static <T> Uni<Void> each(List<T> items, Function<T, Uni<Void>> work) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.flatMap(done -> work.apply(item));
        }
        return chain;
    }

}
