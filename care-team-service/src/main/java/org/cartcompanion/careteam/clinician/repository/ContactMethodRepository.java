package org.cartcompanion.careteam.clinician.repository;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.clinician.ContactMethod;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ContactMethodRepository implements PanacheRepositoryBase<ContactMethod, ContactMethod.Key> {

    /** The clinician's methods in the order they gave them; empty when they saved none. */
    public Uni<List<ContactMethod>> ofClinician(UUID clinicianId) {
        return find("clinicianId = ?1 order by position", clinicianId).list();
    }

    /** The methods of each of these clinicians, in their order; a clinician who saved none is not in the map. */
    public Uni<Map<UUID, List<ContactMethod>>> ofClinicians(Collection<UUID> clinicianIds) {
        if (clinicianIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return find("clinicianId in ?1 order by clinicianId, position", clinicianIds).list()
                .map(all -> all.stream().collect(Collectors.groupingBy(m -> m.clinicianId)));
    }

    /** Replaces all of the clinician's methods (within the caller's transaction). */
    public Uni<List<ContactMethod>> replace(UUID clinicianId, List<ContactMethod> methods) {
        return delete("clinicianId", clinicianId).call(deleted -> flush()).call(deleted -> persist(methods))
                .replaceWith(methods);
    }
}
