package org.cartcompanion.alert.alert.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.cartcompanion.alert.alert.Alert;
import org.cartcompanion.alert.alert.Status;
import org.cartcompanion.support.work.DueRows;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<Alert, UUID> {

    private static final String IF_DUE = DueRows.claimOne("alert", "next_step_at <= :now");

    /** The patient's open alert, locked for the rest of the transaction (appends and steps do not interleave). */
    public Uni<Alert> lockOpenForPatient(UUID patientId) {
        return find("patientId = ?1 and status <> ?2", patientId, Status.RESOLVED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Alert> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Alerts whose timer has run out, read without locks (the step locks and re-checks): those whose steps have not been
     * failing first, so an alert that keeps failing never holds back one that has not; then the longest due.
     */
    public Uni<List<Alert>> due(Instant now, int limit) {
        return find("nextStepAt <= ?1 order by stepAttempts, nextStepAt", now).page(0, limit).list();
    }

    /** When the next timer of any alert runs out, or null when none is scheduled. */
    public Uni<Instant> nextDue() {
        return getSession().flatMap(session -> session
                .createSelectionQuery("select min(a.nextStepAt) from Alert a where a.nextStepAt is not null", Instant.class)
                .getSingleResult());
    }

    /** The alert if it is still due and no other poller holds it; null otherwise. */
    public Uni<Alert> lockIfDue(UUID id, Instant now) {
        return DueRows.one(Alert.class, IF_DUE, Map.of("id", id, "now", now));
    }

    /**
     * Open alerts whose step is late by more than the cutoff (counted from its first failure when it has been failing) and not
     * yet reported, locked; alerts a step holds right now are skipped (they are moving).
     */
    public Uni<List<Alert>> lockOverdue(Instant cutoff, int limit) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("SELECT * FROM alert WHERE next_step_at IS NOT NULL AND overdue_flagged_at IS NULL"
                        + " AND COALESCE(step_failing_since, next_step_at) < :cutoff AND status <> 'RESOLVED'"
                        + " ORDER BY COALESCE(step_failing_since, next_step_at) LIMIT :limit FOR UPDATE SKIP LOCKED",
                        Alert.class)
                .setParameter("cutoff", cutoff).setParameter("limit", limit).getResultList());
    }

    /** How many open alerts are reported overdue and still not stepped. */
    public Uni<Long> countOverdue() {
        return count("overdueFlaggedAt is not null and nextStepAt is not null and status <> ?1", Status.RESOLVED);
    }

    /**
     * The alerts of the notifications being sent, share-locked: an acknowledgement (which takes the row for update) waits until
     * the sends in flight are recorded, so no page leaves after an acknowledgement has been answered.
     */
    public Uni<List<Alert>> shareLock(Collection<UUID> ids) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("SELECT * FROM alert WHERE id IN (:ids) FOR SHARE", Alert.class)
                .setParameter("ids", ids).getResultList());
    }

    /**
     * Which alerts a page lists, newest first: of these {@code centers} or {@code routed} to the caller at centers that still
     * know them; of these {@code patients}; in this {@code status}; opened before the cursor. A null part restricts nothing; an
     * empty collection matches nothing.
     */
    public record AlertQuery(Collection<UUID> centers, Collection<UUID> patients, Routed routed, Status status,
            Instant beforeOpenedAt, UUID beforeId, int limit) {

        /** Alerts that paged one of {@code clinicians}, at one of {@code atCenters}. */
        public record Routed(Collection<UUID> clinicians, Collection<UUID> atCenters) {
        }

        /** Every alert the cursor and status allow; narrow it with the withers. */
        public static AlertQuery page(Status status, Instant beforeOpenedAt, UUID beforeId, int limit) {
            return new AlertQuery(null, null, null, status, beforeOpenedAt, beforeId, limit);
        }

        public AlertQuery centers(Collection<UUID> ids) {
            return new AlertQuery(ids, patients, routed, status, beforeOpenedAt, beforeId, limit);
        }

        public AlertQuery patients(Collection<UUID> ids) {
            return new AlertQuery(centers, ids, routed, status, beforeOpenedAt, beforeId, limit);
        }

        public AlertQuery routed(Collection<UUID> clinicians, Collection<UUID> atCenters) {
            return new AlertQuery(centers, patients, clinicians == null ? null : new Routed(clinicians, atCenters), status,
                    beforeOpenedAt, beforeId, limit);
        }
    }

    public Uni<List<Alert>> page(AlertQuery query) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (query.centers() != null || query.routed() != null) {
            q.append(" and (");
            if (query.centers() != null) {
                q.append("centerId in :centers");
                p.and("centers", orNone(query.centers()));
            }
            if (query.routed() != null) {
                q.append(query.centers() != null ? " or " : "").append("(centerId in :routedAt"
                        + " and id in (select n.alertId from Notification n where n.clinicianId in :routedTo))");
                p.and("routedTo", orNone(query.routed().clinicians()));
                p.and("routedAt", orNone(query.routed().atCenters()));
            }
            q.append(")");
        }
        if (query.patients() != null) {
            q.append(" and patientId in :patients");
            p.and("patients", orNone(query.patients()));
        }
        if (query.status() != null) {
            q.append(" and status = :status");
            p.and("status", query.status());
        }
        if (query.beforeOpenedAt() != null) {
            q.append(" and (openedAt < :before or (openedAt = :before and id < :beforeId))");
            p.and("before", query.beforeOpenedAt()).and("beforeId", query.beforeId());
        }
        q.append(" order by openedAt desc, id desc");
        return find(q.toString(), p).page(0, query.limit()).list();
    }

    /** An empty list matches nothing (SQL has no empty IN list). */
    private static Collection<UUID> orNone(Collection<UUID> ids) {
        return ids == null || ids.isEmpty() ? List.of(new UUID(0, 0)) : ids;
    }
}
