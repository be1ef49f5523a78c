package org.cartcompanion.careteam.clinician.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.clinician.Clinician;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ClinicianRepository implements PanacheRepositoryBase<Clinician, UUID> {

    public Uni<Clinician> findBySubject(String subject) {
        return find("subject", subject).firstResult();
    }

    public Uni<List<Clinician>> findByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1", ids);
    }
}
