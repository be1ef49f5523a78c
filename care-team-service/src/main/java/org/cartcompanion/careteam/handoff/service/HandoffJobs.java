package org.cartcompanion.careteam.handoff.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

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
import org.cartcompanion.careteam.team.CareTeam;
import org.cartcompanion.support.work.DurableJob;
import org.cartcompanion.support.work.Failure;
import org.cartcompanion.support.work.WorkLoop;
import org.cartcompanion.support.work.WorkLoops;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Time-driven hand-off work, on every replica (each row is claimed by one): reminders to receivers who have not answered,
 * lapsing with the coordinators told, and telling coordinators when a patient reaches the center's hand-off day. Four jobs on
 * the durable-work loop, each row claimed and worked in a transaction of its own: a row whose work fails (even with a database
 * error) is rolled back alone, left for the next check, and the others go on.
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
    private final List<WorkLoop<?>> stages;

    public HandoffJobs(HandoffRepository handoffs, HandoffProposalRepository proposals, CenterRepository centers,
            ClinicianRepository clinicians, HandoffNotices notices, Clock clock, CareTeamConfig config, WorkLoops loops) {
        this.handoffs = handoffs;
        this.proposals = proposals;
        this.centers = centers;
        this.clinicians = clinicians;
        this.notices = notices;
        this.clock = clock;
        this.config = config.handoff();
        this.stages = List.of(
                loops.loop(new Remind(), WorkLoop.Settings.of("handoff-remind", WorkLoop.Claim.EACH, BATCH)),
                loops.loop(new Lapse(), WorkLoop.Settings.of("handoff-lapse", WorkLoop.Claim.EACH, BATCH)),
                loops.loop(new Propose(CarePhase.SHARED), WorkLoop.Settings.of("handoff-propose-shared", WorkLoop.Claim.EACH,
                        BATCH)),
                loops.loop(new Propose(CarePhase.COMMUNITY_LED),
                        WorkLoop.Settings.of("handoff-propose-community-led", WorkLoop.Claim.EACH, BATCH)));
    }

    @Scheduled(every = "${careteam.handoff.check-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return runOnce().onFailure().recoverWithItem(e -> {
            Log.warnf(e, "hand-off pass failed");
            return null;
        });
    }

    /** One pass of every stage, in turn. */
    public Uni<Void> runOnce() {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (WorkLoop<?> stage : stages) {
            chain = chain.flatMap(v -> stage.pass(clock.instant()).replaceWithVoid());
        }
        return chain;
    }

    /** Pending hand-offs whose receiver has not answered within remind-after: the receiver is reminded once. */
    private final class Remind implements DurableJob<Handoff> {

        @Override
        public Uni<List<Handoff>> due(Instant now, int limit) {
            return handoffs.unremindedBetween(now.minus(config.expireAfter()), now.minus(config.remindAfter()), limit);
        }

        @Override
        public Uni<Handoff> claim(Handoff h, Instant now) {
            return handoffs.claimUnreminded(h.id, now.minus(config.expireAfter()), now.minus(config.remindAfter()));
        }

        @Override
        public Instant dueAt(Handoff h) {
            return h.createdAt.plus(config.remindAfter());
        }

        @Override
        public Uni<Void> work(Handoff h, Instant now) {
            return tell(h, false).invoke(() -> h.remindedAt = now);
        }

        @Override
        public Uni<Void> failed(Handoff h, Failure failure) {
            Log.warnf("Reminder of hand-off %s not written: %s; tried again at the next pass", h.id, failure.error());
            return Uni.createFrom().voidItem();
        }
    }

    /** Pending hand-offs past expire-after: they lapse and the coordinators are told. */
    private final class Lapse implements DurableJob<Handoff> {

        @Override
        public Uni<List<Handoff>> due(Instant now, int limit) {
            return handoffs.pendingBefore(now.minus(config.expireAfter()), limit);
        }

        @Override
        public Uni<Handoff> claim(Handoff h, Instant now) {
            return handoffs.claimPendingBefore(h.id, now.minus(config.expireAfter()));
        }

        @Override
        public Instant dueAt(Handoff h) {
            return h.createdAt.plus(config.expireAfter());
        }

        @Override
        public Uni<Void> work(Handoff h, Instant now) {
            h.status = HandoffStatus.EXPIRED;
            h.decidedBy = "system";
            h.decidedAt = now;
            return tell(h, true);
        }

        /** The lapse was rolled back with its notice: not lapsed without the coordinators told. */
        @Override
        public Uni<Void> failed(Handoff h, Failure failure) {
            Log.warnf("Hand-off %s not lapsed: %s; tried again at the next pass", h.id, failure.error());
            return Uni.createFrom().voidItem();
        }
    }

    /** Care teams whose patient reached the center's day for a hand-off to {@code toPhase}: the coordinators are told once. */
    private final class Propose implements DurableJob<CareTeam> {

        private final CarePhase toPhase;

        Propose(CarePhase toPhase) {
            this.toPhase = toPhase;
        }

        @Override
        public Uni<List<CareTeam>> due(Instant now, int limit) {
            return proposals.due(toPhase.name(), now, limit);
        }

        @Override
        public Uni<CareTeam> claim(CareTeam team, Instant now) {
            return proposals.claim(team.patientId, toPhase.name(), now);
        }

        @Override
        public Instant dueAt(CareTeam team) {
            return null;
        }

        @Override
        public Uni<Void> work(CareTeam team, Instant now) {
            return centers.findById(team.centerId).flatMap(center -> {
                ZoneId zone = ZoneId.of(team.timeZone != null ? team.timeZone : center.timeZone);
                int day = (int) ChronoUnit.DAYS.between(team.infusionDate, LocalDate.ofInstant(now, zone));
                HandoffProposal p = new HandoffProposal();
                p.patientId = team.patientId;
                p.toPhase = toPhase;
                p.proposedAt = now;
                // The notice first: a proposal is recorded only with its notice written.
                return notices.due(team, center, toPhase, day).flatMap(v -> proposals.persist(p)).replaceWithVoid();
            });
        }

        @Override
        public Uni<Void> failed(CareTeam team, Failure failure) {
            Log.warnf("Hand-off proposal for patient %s not written: %s; tried again at the next pass", team.patientId,
                    failure.error());
            return Uni.createFrom().voidItem();
        }
    }

    private Uni<Void> tell(Handoff h, boolean lapsed) {
        return centers.findById(h.centerId).flatMap(center -> clinicians.findById(h.toClinicianId)
                .flatMap(receiver -> lapsed ? notices.decided(h, center, receiver)
                        : notices.reminder(h, center, receiver)));
    }
}
