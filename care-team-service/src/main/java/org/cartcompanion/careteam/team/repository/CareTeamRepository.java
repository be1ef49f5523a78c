package org.cartcompanion.careteam.team.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.team.CareTeam;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CareTeamRepository implements PanacheRepositoryBase<CareTeam, UUID> {
}
