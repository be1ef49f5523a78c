package org.cartcompanion.careteam.center.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.center.Center;
import org.cartcompanion.support.paging.Cursor;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CenterRepository implements PanacheRepositoryBase<Center, UUID> {

    /** All centers, oldest first, after the cursor. Fetches one extra row to tell whether more follow. */
    public Uni<List<Center>> pageAll(Cursor after, int limit) {
        if (after == null) {
            return find("order by createdAt, id").range(0, limit).list();
        }
        return find("createdAt > ?1 or (createdAt = ?1 and id > ?2) order by createdAt, id", after.createdAt(),
                after.id()).range(0, limit).list();
    }

    /** The centers a subject is a member of (staff or known community physician), oldest first. */
    public Uni<List<Center>> pageForSubject(String subject, Cursor after, int limit) {
        String select = "select c from Center c where c.id in (select m.centerId from CenterMembership m, Clinician k"
                + " where m.clinicianId = k.id and k.subject = ?1)";
        if (after == null) {
            return find(select + " order by c.createdAt, c.id", subject).range(0, limit).list();
        }
        return find(select + " and (c.createdAt > ?2 or (c.createdAt = ?2 and c.id > ?3)) order by c.createdAt, c.id",
                subject, after.createdAt(), after.id()).range(0, limit).list();
    }

    public Uni<List<Center>> findByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1 order by name, id", ids);
    }
}
