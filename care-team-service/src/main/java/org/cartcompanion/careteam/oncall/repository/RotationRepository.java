package org.cartcompanion.careteam.oncall.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.oncall.Rotation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RotationRepository implements PanacheRepositoryBase<Rotation, UUID> {

    public Uni<List<Rotation>> ofCenter(UUID centerId) {
        return find("centerId = ?1 order by startDate, createdAt, id", centerId).list();
    }
}
