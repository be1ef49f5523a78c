package org.cartcompanion.patient.triagerules.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.triagerules.ThresholdOverride;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ThresholdOverrideRepository implements PanacheRepositoryBase<ThresholdOverride, ThresholdOverride.Key> {

    /** The center's newest version, or null when it has never overridden anything. */
    public Uni<ThresholdOverride> latest(UUID centerId) {
        return find("centerId = ?1 order by version desc", centerId).firstResult();
    }
}
