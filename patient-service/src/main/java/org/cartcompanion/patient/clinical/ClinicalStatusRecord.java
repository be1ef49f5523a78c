package org.cartcompanion.patient.clinical;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.cartcompanion.patient.triage.ClinicalStatus;
import org.cartcompanion.patient.triage.Prophylaxis;

/** A patient's clinical status as the center keeps it; every field may be null (unknown). */
@Entity
@Table(name = "clinical_status")
public class ClinicalStatusRecord {

    @Id
    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "anc_per_ul")
    public Integer ancPerUl;
    @Column(name = "anc_date")
    public LocalDate ancDate;
    @Column(name = "platelets_per_ul")
    public Integer plateletsPerUl;
    @Column(name = "platelets_date")
    public LocalDate plateletsDate;
    @Column(name = "igg_mg_dl")
    public Integer iggMgDl;
    @Column(name = "igg_date")
    public LocalDate iggDate;
    @Column(name = "ivig_last_date")
    public LocalDate ivigLastDate;
    @Column(name = "cd4_per_ul")
    public Integer cd4PerUl;
    @Column(name = "steroids_last_date")
    public LocalDate steroidsLastDate;
    @Column(name = "tocilizumab_last_date")
    public LocalDate tocilizumabLastDate;
    @Column(name = "max_crs_grade")
    public Integer maxCrsGrade;
    @Column(name = "max_icans_grade")
    public Integer maxIcansGrade;
    @Column(name = "iec_hs_history")
    public Boolean iecHsHistory;
    @Column(name = "icaht_active")
    public Boolean icahtActive;
    @Column(name = "prophylaxis_antibacterial")
    public Boolean prophylaxisAntibacterial;
    @Column(name = "prophylaxis_antiviral")
    public Boolean prophylaxisAntiviral;
    @Column(name = "prophylaxis_pjp")
    public Boolean prophylaxisPjp;
    @Column(name = "prophylaxis_antifungal")
    public Boolean prophylaxisAntifungal;
    @Column(name = "central_line")
    public Boolean centralLine;
    @Column(name = "caregiver_present")
    public Boolean caregiverPresent;
    @Column(name = "prior_lines")
    public Integer priorLines;
    @Column(name = "prior_allo_hct")
    public Boolean priorAlloHct;
    @Column(name = "frail_or_comorbid")
    public Boolean frailOrComorbid;
    @Column(name = "baseline_ice_score")
    public Integer baselineIceScore;
    @Column(name = "baseline_spo2")
    public Integer baselineSpo2;
    @Column(name = "baseline_systolic_bp")
    public Integer baselineSystolicBp;
    @Column(name = "travel_minutes_to_center")
    public Integer travelMinutesToCenter;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    /** The status as the triage engine reads it. */
    public ClinicalStatus toTriage() {
        return new ClinicalStatus(ancPerUl, ancDate, plateletsPerUl, plateletsDate, iggMgDl, iggDate, ivigLastDate, cd4PerUl,
                steroidsLastDate, tocilizumabLastDate, maxCrsGrade, maxIcansGrade, iecHsHistory, icahtActive,
                new Prophylaxis(prophylaxisAntibacterial, prophylaxisAntiviral, prophylaxisPjp, prophylaxisAntifungal),
                centralLine, caregiverPresent, priorLines, priorAlloHct, frailOrComorbid, baselineIceScore, baselineSpo2,
                baselineSystolicBp, travelMinutesToCenter);
    }
}
