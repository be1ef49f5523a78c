package org.cartcompanion.alert.notification.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.notification.AckLink;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AckLinkRepository implements PanacheRepositoryBase<AckLink, UUID> {

    /** Marks the link used; true only for the first use, however many requests race. */
    public Uni<Boolean> use(UUID id, Instant now) {
        return update("usedAt = ?1 where id = ?2 and usedAt is null", now, id).map(n -> n == 1);
    }
}
