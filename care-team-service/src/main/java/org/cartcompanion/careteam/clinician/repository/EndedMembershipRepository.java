package org.cartcompanion.careteam.clinician.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.clinician.EndedMembership;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EndedMembershipRepository implements PanacheRepositoryBase<EndedMembership, EndedMembership.Key> {
}
