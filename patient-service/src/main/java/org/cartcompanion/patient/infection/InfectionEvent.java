package org.cartcompanion.patient.infection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.cartcompanion.patient.infection.InfectionCodes.Attribution;
import org.cartcompanion.patient.infection.InfectionCodes.BmtCtnSeverity;
import org.cartcompanion.patient.infection.InfectionCodes.CareSetting;
import org.cartcompanion.patient.infection.InfectionCodes.CovidTest;
import org.cartcompanion.patient.infection.InfectionCodes.DetectedBy;
import org.cartcompanion.patient.infection.InfectionCodes.DocumentationLevel;
import org.cartcompanion.patient.infection.InfectionCodes.Outcome;
import org.cartcompanion.patient.infection.InfectionCodes.PathogenClass;
import org.cartcompanion.patient.timeline.Phase;

/** A clinician-confirmed infection (clinical-rules.md §5.2). JSON columns hold the multi-valued fields. */
@Entity
@Table(name = "infection_event")
public class InfectionEvent {

    @Id
    public UUID id;
    @Column(name = "patient_id", nullable = false)
    public UUID patientId;
    @Column(name = "center_id", nullable = false)
    public UUID centerId;
    @Column(name = "onset_date", nullable = false)
    public LocalDate onsetDate;
    @Column(name = "diagnosis_date", nullable = false)
    public LocalDate diagnosisDate;
    @Enumerated(EnumType.STRING)
    @Column(name = "pathogen_class", nullable = false)
    public PathogenClass pathogenClass;
    /** JSON array of {code, display}. */
    @Column(nullable = false)
    public String organisms;
    /** JSON array of site codes. */
    @Column(nullable = false)
    public String sites;
    @Enumerated(EnumType.STRING)
    @Column(name = "documentation_level", nullable = false)
    public DocumentationLevel documentationLevel;
    @Column(name = "severity_ctcae", nullable = false)
    public int severityCtcae;
    @Enumerated(EnumType.STRING)
    @Column(name = "severity_bmtctn")
    public BmtCtnSeverity severityBmtCtn;
    @Column(name = "anc_at_onset")
    public Integer ancAtOnset;
    @Column(name = "igg_at_onset")
    public Integer iggAtOnset;
    @Column(name = "ivig_within_30d")
    public Boolean ivigWithin30d;
    @Column(name = "cd4_at_onset")
    public Integer cd4AtOnset;
    /** JSON array of {prophylaxisClass, agent, started, stopped}. */
    @Column(name = "prophylaxis_active", nullable = false)
    public String prophylaxisActive;
    @Column(name = "concurrent_crs_grade")
    public Integer concurrentCrsGrade;
    @Column(name = "concurrent_icans_grade")
    public Integer concurrentIcansGrade;
    @Column(name = "iec_hs")
    public Boolean iecHs;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Attribution attribution;
    @Enumerated(EnumType.STRING)
    @Column(name = "care_setting")
    public CareSetting careSetting;
    @Enumerated(EnumType.STRING)
    @Column(name = "detected_by")
    public DetectedBy detectedBy;
    @Column(name = "treatment_required", nullable = false)
    public boolean treatmentRequired;
    public Boolean hospitalized;
    public Boolean icu;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;
    @Column(name = "death_attributed")
    public Boolean deathAttributed;
    @Enumerated(EnumType.STRING)
    @Column(name = "covid_test")
    public CovidTest covidTest;
    @Column(name = "same_infection_of")
    public UUID sameInfectionOf;
    @Column(name = "day_post_infusion", nullable = false)
    public int dayPostInfusion;
    @Enumerated(EnumType.STRING)
    @Column(name = "phase_at_onset", nullable = false)
    public Phase phaseAtOnset;
    @Column(name = "neutropenic_at_onset")
    public Boolean neutropenicAtOnset;
    @Column(nullable = false)
    public boolean breakthrough;
    @Column(name = "cibmtr_reportable", nullable = false)
    public boolean cibmtrReportable;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;
}
