package org.cartcompanion.alert.triage.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.triage.TriageEvent;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TriageEventRepository implements PanacheRepositoryBase<TriageEvent, UUID> {
}
