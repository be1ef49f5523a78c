package org.cartcompanion.alert.support;

import java.util.List;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Persisting a list that may be empty (Panache refuses an empty one). */
public final class Batches {

    private Batches() {
    }

    public static <E> Uni<Void> persist(PanacheRepositoryBase<E, ?> repository, List<E> entities) {
        return entities.isEmpty() ? Uni.createFrom().voidItem() : repository.persist(entities);
    }
}
