package org.cartcompanion.careteam.oncall.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.oncall.Shift;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ShiftRepository implements PanacheRepositoryBase<Shift, UUID> {

    /** The center's shifts that end after {@code from} and start before {@code to}, earliest first. */
    public Uni<List<Shift>> ofCenterBetween(UUID centerId, Instant from, Instant to) {
        return find("centerId = ?1 and endsAt > ?2 and startsAt < ?3 order by startsAt, id", centerId, from, to).list();
    }
}
