package org.cartcompanion.careteam.handoff.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.handoff.HandoffProposal;
import org.cartcompanion.careteam.team.CareTeam;
import org.cartcompanion.support.work.DueRows;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class HandoffProposalRepository implements PanacheRepositoryBase<HandoffProposal, HandoffProposal.Key> {

    /**
     * Care teams whose patient has reached the center's day for a hand-off to shared care (still CENTER_LED) or to
     * community-led care (not yet COMMUNITY_LED) on the patient's local date, and whose coordinators were not yet told; read,
     * earliest infusion first. {@code toPhase} is SHARED or COMMUNITY_LED.
     */
    public Uni<List<CareTeam>> due(String toPhase, Instant now, int limit) {
        return DueRows.list(CareTeam.class, DUE_TEAMS + dueTo(toPhase) + " ORDER BY t.infusion_date LIMIT :limit",
                Map.of("now", now, "phase", toPhase, "limit", limit));
    }

    /** The patient's care team, locked for this replica alone, if it is still due for this hand-off; null otherwise. */
    public Uni<CareTeam> claim(UUID patientId, String toPhase, Instant now) {
        return DueRows.one(CareTeam.class, DUE_TEAMS + dueTo(toPhase) + " AND t.patient_id = :id FOR UPDATE OF t SKIP LOCKED",
                Map.of("now", now, "phase", toPhase, "id", patientId));
    }

    private static final String DUE_TEAMS = "SELECT t.* FROM care_team t JOIN center c ON c.id = t.center_id"
            + " WHERE t.infusion_date IS NOT NULL"
            + " AND NOT EXISTS (SELECT 1 FROM handoff_proposal p WHERE p.patient_id = t.patient_id AND p.to_phase = :phase)";

    private static String dueTo(String toPhase) {
        return "SHARED".equals(toPhase)
                ? " AND t.phase = 'CENTER_LED' AND t.infusion_date + c.shared_care_day <= (:now AT TIME ZONE COALESCE(t.time_zone, c.time_zone))::date"
                : " AND t.phase <> 'COMMUNITY_LED' AND t.infusion_date + c.community_led_day <= (:now AT TIME ZONE COALESCE(t.time_zone, c.time_zone))::date";
    }
}
