package org.cartcompanion.careteam.oncall.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.oncall.RotationMember;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RotationMemberRepository implements PanacheRepositoryBase<RotationMember, RotationMember.Key> {

    /** The members of these rotations, each rotation's in turn order. */
    public Uni<List<RotationMember>> ofRotations(Collection<UUID> rotationIds) {
        if (rotationIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("rotationId in ?1 order by rotationId, position", rotationIds).list();
    }
}
