package org.cartcompanion.careteam.handoff.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.cartcompanion.careteam.handoff.Handoff;
import org.cartcompanion.careteam.handoff.HandoffStatus;
import org.cartcompanion.support.paging.Cursor;
import org.cartcompanion.support.work.DueRows;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class HandoffRepository implements PanacheRepositoryBase<Handoff, UUID> {

    /** The patient's pending hand-off, or null. */
    public Uni<Handoff> pendingFor(UUID patientId) {
        return find("patientId = ?1 and status = ?2", patientId, HandoffStatus.PENDING).firstResult();
    }

    /**
     * A page, newest first, of {@code limit} hand-offs of these centers or to this clinician at the centers that still know
     * them (either may be empty or null); {@code status} null means any.
     */
    public Uni<List<Handoff>> page(Collection<UUID> centers, UUID toClinician, Collection<UUID> receiverCenters,
            HandoffStatus status, Cursor after, int limit) {
        StringBuilder q = new StringBuilder("(centerId in :centers or (toClinicianId = :to and centerId in :known))");
        Parameters p = Parameters.with("centers", centers.isEmpty() ? List.of(new UUID(0, 0)) : centers)
                .and("to", toClinician == null ? new UUID(0, 0) : toClinician)
                .and("known", receiverCenters.isEmpty() ? List.of(new UUID(0, 0)) : receiverCenters);
        if (status != null) {
            q.append(" and status = :status");
            p.and("status", status);
        }
        if (after != null) {
            q.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            p.and("at", after.createdAt()).and("id", after.id());
        }
        return find(q + " order by createdAt desc, id desc", p).range(0, limit).list();
    }

    /**
     * A pending hand-off sent at or before {@code :cutoff}, not yet reminded of and not yet due to lapse ({@code :lapsing}).
     */
    private static final String REMINDABLE = "status = 'PENDING' AND reminded_at IS NULL AND created_at <= :cutoff"
            + " AND created_at > :lapsing";
    /** A pending hand-off sent at or before {@code :cutoff}. */
    private static final String LAPSING = "status = 'PENDING' AND created_at <= :cutoff";

    /**
     * Pending hand-offs sent before {@code cutoff} and not yet reminded of, oldest first (read, not locked); those already due
     * to lapse (sent before {@code lapsing}) are left to lapse instead of being reminded of a deadline that has passed.
     */
    public Uni<List<Handoff>> unremindedBetween(Instant lapsing, Instant cutoff, int limit) {
        return DueRows.list(Handoff.class, DueRows.read("handoff", REMINDABLE, "created_at"),
                Map.of("cutoff", cutoff, "lapsing", lapsing, "limit", limit));
    }

    /** The hand-off, locked for this replica alone, if it is still to be reminded of; null otherwise. */
    public Uni<Handoff> claimUnreminded(UUID id, Instant lapsing, Instant cutoff) {
        return DueRows.one(Handoff.class, DueRows.claimOne("handoff", REMINDABLE),
                Map.of("id", id, "cutoff", cutoff, "lapsing", lapsing));
    }

    /** Pending hand-offs sent before {@code cutoff}, oldest first (read, not locked). */
    public Uni<List<Handoff>> pendingBefore(Instant cutoff, int limit) {
        return DueRows.list(Handoff.class, DueRows.read("handoff", LAPSING, "created_at"),
                Map.of("cutoff", cutoff, "limit", limit));
    }

    /** The hand-off, locked for this replica alone, if it is still pending and sent before {@code cutoff}; null otherwise. */
    public Uni<Handoff> claimPendingBefore(UUID id, Instant cutoff) {
        return DueRows.one(Handoff.class, DueRows.claimOne("handoff", LAPSING), Map.of("id", id, "cutoff", cutoff));
    }

    /** The pending hand-offs of a center to one clinician, locked. */
    public Uni<List<Handoff>> lockPendingTo(UUID centerId, UUID clinicianId) {
        return find("centerId = ?1 and toClinicianId = ?2 and status = ?3", centerId, clinicianId, HandoffStatus.PENDING)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
