package org.cartcompanion.patient.lab.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.clinical.ClinicalStatusRecord;
import org.cartcompanion.patient.lab.LabResult;
import org.cartcompanion.patient.lab.LabType;
import org.cartcompanion.patient.lab.repository.LabResultRepository;
import org.cartcompanion.patient.patient.service.PatientService;
import org.cartcompanion.support.security.Caller;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The history of lab values: appended when a clinical-status save changes a value or its date, read by the center's staff. */
@ApplicationScoped
public class LabService {

    private final PatientService patients;
    private final LabResultRepository labs;

    public LabService(PatientService patients, LabResultRepository labs) {
        this.patients = patients;
        this.labs = labs;
    }

    /**
     * The rows a save adds: one per lab whose value or date differs from what was stored before ({@code before} empty when
     * there was no status). A value cleared to unknown adds nothing; the history keeps what was known.
     */
    public static List<LabResult> changes(UUID patientId, ClinicalStatusRecord before, ClinicalStatusRecord after, String by,
            Instant at) {
        List<LabResult> rows = new ArrayList<>();
        add(rows, patientId, LabType.ANC, before.ancPerUl, before.ancDate, after.ancPerUl, after.ancDate, by, at);
        add(rows, patientId, LabType.PLATELETS, before.plateletsPerUl, before.plateletsDate, after.plateletsPerUl,
                after.plateletsDate, by, at);
        add(rows, patientId, LabType.IGG, before.iggMgDl, before.iggDate, after.iggMgDl, after.iggDate, by, at);
        add(rows, patientId, LabType.CD4, before.cd4PerUl, null, after.cd4PerUl, null, by, at);
        return rows;
    }

    private static void add(List<LabResult> rows, UUID patientId, LabType type, Integer oldValue, LocalDate oldDate,
            Integer newValue, LocalDate newDate, String by, Instant at) {
        if (newValue != null && (!newValue.equals(oldValue) || !Objects.equals(oldDate, newDate))) {
            rows.add(LabResult.of(patientId, type, newValue, newDate, by, at));
        }
    }

    public Uni<Void> append(List<LabResult> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : labs.persist(rows);
    }

    /** Newest first; one look-ahead row beyond {@code limit}. The center's clinicians and coordinators. */
    @WithSession
    public Uni<List<LabResult>> page(UUID patientId, LabType type, Caller caller, Instant beforeRecordedAt, UUID beforeId,
            int limit) {
        return patients.forCenterStaff(patientId, caller, "Only the center's staff read lab results.")
                .flatMap(patient -> labs.page(patientId, type, beforeRecordedAt, beforeId, limit + 1));
    }
}
