package org.cartcompanion.careteam.center.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.center.CenterWebhook;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CenterWebhookRepository implements PanacheRepositoryBase<CenterWebhook, UUID> {

    /** The center's hooks in the order they were saved. */
    public Uni<List<CenterWebhook>> ofCenter(UUID centerId) {
        return find("centerId = ?1 order by position", centerId).list();
    }
}
