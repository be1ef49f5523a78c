package org.cartcompanion.patient.push.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.push.PushSubscription;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PushSubscriptionRepository implements PanacheRepositoryBase<PushSubscription, UUID> {

    public Uni<List<PushSubscription>> forSubjects(Collection<String> subjects) {
        return subjects.isEmpty() ? Uni.createFrom().item(List.of()) : list("subject in ?1", List.copyOf(subjects));
    }

    public Uni<PushSubscription> byEndpoint(String endpoint) {
        return find("endpoint", endpoint).firstResult();
    }

    public Uni<Long> deleteByEndpoint(String endpoint) {
        return delete("endpoint", endpoint);
    }

    public Uni<Long> deleteByEndpoint(String endpoint, String subject) {
        return delete("endpoint = ?1 and subject = ?2", endpoint, subject);
    }
}
