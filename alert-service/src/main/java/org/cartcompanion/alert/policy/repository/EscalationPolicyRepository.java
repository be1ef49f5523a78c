package org.cartcompanion.alert.policy.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.policy.EscalationPolicy;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EscalationPolicyRepository implements PanacheRepositoryBase<EscalationPolicy, UUID> {
}
