package org.cartcompanion.careteam.clinician.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.clinician.CenterMembership;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MembershipRepository implements PanacheRepositoryBase<CenterMembership, CenterMembership.Key> {

    public Uni<List<CenterMembership>> ofClinician(UUID clinicianId) {
        return find("clinicianId = ?1 order by createdAt", clinicianId).list();
    }

    /** The membership of the clinician with this subject at this center, or null. */
    public Uni<CenterMembership> ofSubjectAt(String subject, UUID centerId) {
        return find("select m from CenterMembership m, Clinician k where m.clinicianId = k.id and k.subject = ?1"
                + " and m.centerId = ?2", subject, centerId).firstResult();
    }

    /** The center's memberships in the order they were added. */
    public Uni<List<CenterMembership>> ofCenter(UUID centerId) {
        return find("centerId = ?1 order by createdAt, clinicianId", centerId).list();
    }
}
