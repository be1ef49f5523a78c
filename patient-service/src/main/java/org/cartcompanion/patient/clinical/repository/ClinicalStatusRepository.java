package org.cartcompanion.patient.clinical.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.clinical.ClinicalStatusRecord;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ClinicalStatusRepository implements PanacheRepositoryBase<ClinicalStatusRecord, UUID> {
}
