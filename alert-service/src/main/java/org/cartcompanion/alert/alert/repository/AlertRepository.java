package org.cartcompanion.alert.alert.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.cartcompanion.alert.alert.Alert;
import org.cartcompanion.alert.escalation.engine.Status;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<Alert, UUID> {

    /** The patient's open alert, locked for the rest of the transaction (appends and steps do not interleave). */
    public Uni<Alert> lockOpenForPatient(UUID patientId) {
        return find("patientId = ?1 and status <> ?2", patientId, Status.RESOLVED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Alert> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Alerts whose timer has run out, oldest first; read without locks (the step locks and re-checks). */
    public Uni<List<Alert>> due(Instant now, int limit) {
        return find("nextStepAt <= ?1 order by nextStepAt", now).page(0, limit).list();
    }

    /** When the next timer of any alert runs out, or null when none is scheduled. */
    public Uni<Instant> nextDue() {
        return getSession().flatMap(session -> session
                .createSelectionQuery("select min(a.nextStepAt) from Alert a where a.nextStepAt is not null", Instant.class)
                .getSingleResult());
    }

    /** The alert if it is still due and no other poller holds it; null otherwise. */
    public Uni<Alert> lockIfDue(UUID id, Instant now) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("SELECT * FROM alert WHERE id = :id AND next_step_at <= :now FOR UPDATE SKIP LOCKED",
                        Alert.class)
                .setParameter("id", id).setParameter("now", now).getSingleResultOrNull());
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
     * A page of alerts matching the filters, newest first; centers and patients null mean "any". {@code routedTo} adds the
     * alerts that paged these clinicians at the centers {@code routedAt} (those that still know them).
     */
    public Uni<List<Alert>> page(Collection<UUID> centers, Collection<UUID> patients, Collection<UUID> routedTo,
            Collection<UUID> routedAt, Status status, Instant beforeOpenedAt, UUID beforeId, int limit) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (centers != null || routedTo != null) {
            q.append(" and (");
            if (centers != null) {
                q.append("centerId in :centers");
                p.and("centers", centers.isEmpty() ? List.of(new UUID(0, 0)) : centers);
            }
            if (routedTo != null) {
                q.append(centers != null ? " or " : "").append("(centerId in :routedAt"
                        + " and id in (select n.alertId from Notification n where n.clinicianId in :routedTo))");
                p.and("routedTo", routedTo.isEmpty() ? List.of(new UUID(0, 0)) : routedTo);
                p.and("routedAt", routedAt == null || routedAt.isEmpty() ? List.of(new UUID(0, 0)) : routedAt);
            }
            q.append(")");
        }
        if (patients != null) {
            q.append(" and patientId in :patients");
            p.and("patients", patients.isEmpty() ? List.of(new UUID(0, 0)) : patients);
        }
        if (status != null) {
            q.append(" and status = :status");
            p.and("status", status);
        }
        if (beforeOpenedAt != null) {
            q.append(" and (openedAt < :before or (openedAt = :before and id < :beforeId))");
            p.and("before", beforeOpenedAt).and("beforeId", beforeId);
        }
        q.append(" order by openedAt desc, id desc");
        return find(q.toString(), p).page(0, limit).list();
    }
}
