package org.cartcompanion.alert.alert.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.alert.TimelineEntry;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TimelineRepository implements PanacheRepositoryBase<TimelineEntry, UUID> {

    public Uni<List<TimelineEntry>> forAlert(UUID alertId) {
        return find("alertId = ?1 order by at, seq", alertId).list();
    }
}
