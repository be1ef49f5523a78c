package org.cartcompanion.careteam.handoff.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.handoff.HandoffProposal;
import org.cartcompanion.careteam.team.CareTeam;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class HandoffProposalRepository implements PanacheRepositoryBase<HandoffProposal, HandoffProposal.Key> {

    /**
     * Care teams whose patient has reached the center's day for a hand-off to shared care (still CENTER_LED) or to
     * community-led care (not yet COMMUNITY_LED) on the patient's local date, and whose coordinators were not yet told; locked
     * for this replica alone. {@code toPhase} is SHARED or COMMUNITY_LED.
     */
    public Uni<List<CareTeam>> lockDue(String toPhase, Instant now, int limit) {
        String due = "SHARED".equals(toPhase)
                ? "t.phase = 'CENTER_LED' AND t.infusion_date + c.shared_care_day <= (:now AT TIME ZONE COALESCE(t.time_zone, c.time_zone))::date"
                : "t.phase <> 'COMMUNITY_LED' AND t.infusion_date + c.community_led_day <= (:now AT TIME ZONE COALESCE(t.time_zone, c.time_zone))::date";
        return Panache.getSession().flatMap(session -> session.createNativeQuery("SELECT t.* FROM care_team t"
                + " JOIN center c ON c.id = t.center_id WHERE t.infusion_date IS NOT NULL AND " + due
                + " AND NOT EXISTS (SELECT 1 FROM handoff_proposal p WHERE p.patient_id = t.patient_id AND p.to_phase = :phase)"
                + " ORDER BY t.infusion_date LIMIT :limit FOR UPDATE OF t SKIP LOCKED", CareTeam.class)
                .setParameter("now", now).setParameter("phase", toPhase).setParameter("limit", limit).getResultList());
    }
}
