package org.cartcompanion.patient.triage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.cartcompanion.patient.patient.Disease;
import org.cartcompanion.patient.patient.Language;
import org.cartcompanion.patient.patient.Product;

/**
 * A triage test case, built fluently. The defaults describe a patient with nothing the modifiers look at (fresh normal ANC,
 * caregiver present, no steroids) reporting an afebrile oral reading with the fever-medicine question answered, so that each
 * test changes only what it is about.
 */
final class TriageCase {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    static final String CENTER_PHONE = "+15550199";

    private static final TriageEngine ENGINE = new TriageEngine();

    long day = 5;
    Product product = Product.AXI_CEL;
    Disease disease = Disease.LBCL;
    LocalDate secondDose;
    Integer age = 60;
    Temperature temperature = new Temperature(36.8, Temperature.Unit.C, Temperature.Method.ORAL);
    Boolean antipyretic = false;
    Integer spo2, heartRate, systolicBp, respiratoryRate, stools, ice;
    Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
    List<PatientContext.Earlier> earlier = new ArrayList<>();
    List<PatientContext.LabValue> ancHistory = new ArrayList<>();
    List<PatientContext.PastInfection> infections = new ArrayList<>();
    RuleSet rules = RuleSet.DEFAULT;
    Language language = Language.EN;

    // Clinical status; defaults mean "nothing to worry about".
    Integer anc = 2000;
    LocalDate ancDate = TODAY.minusDays(1);
    Integer platelets = 150_000, igg = 800, cd4 = 400, maxCrs = 0, maxIcans = 0, priorLines = 2, baselineIce = 10,
            travel = 30;
    Integer baselineSpo2, baselineSbp;
    LocalDate plateletsDate = TODAY.minusDays(1);
    LocalDate iggDate, ivig, steroids, toci;
    Boolean iecHs = false, icaht = false, centralLine = false, caregiver = true, priorAllo = false, frail = false;
    Prophylaxis prophylaxis = new Prophylaxis(true, true, true, false);

    static TriageCase onDay(long day) {
        TriageCase c = new TriageCase();
        c.day = day;
        return c;
    }

    TriageCase product(Product product) {
        this.product = product;
        return this;
    }

    TriageCase disease(Disease disease) {
        this.disease = disease;
        return this;
    }

    TriageCase secondDose(LocalDate secondDose) {
        this.secondDose = secondDose;
        return this;
    }

    TriageCase tempC(double celsius) {
        this.temperature = new Temperature(celsius, Temperature.Unit.C, Temperature.Method.ORAL);
        return this;
    }

    TriageCase temp(double value, Temperature.Unit unit, Temperature.Method method) {
        this.temperature = new Temperature(value, unit, method);
        return this;
    }

    TriageCase noTemperature() {
        this.temperature = null;
        return this;
    }

    TriageCase antipyretic(Boolean taken) {
        this.antipyretic = taken;
        return this;
    }

    TriageCase with(Symptom... symptoms) {
        this.symptoms.addAll(List.of(symptoms));
        return this;
    }

    TriageCase spo2(Integer spo2) {
        this.spo2 = spo2;
        return this;
    }

    TriageCase heartRate(Integer hr) {
        this.heartRate = hr;
        return this;
    }

    TriageCase sbp(Integer sbp) {
        this.systolicBp = sbp;
        return this;
    }

    TriageCase respRate(Integer rr) {
        this.respiratoryRate = rr;
        return this;
    }

    TriageCase stools(Integer stools) {
        this.stools = stools;
        return this;
    }

    TriageCase ice(Integer ice) {
        this.ice = ice;
        return this;
    }

    TriageCase earlierReading(long minutesAgo, double celsius) {
        earlier.add(new PatientContext.Earlier(NOW.minusSeconds(minutesAgo * 60), celsius, Set.of()));
        return this;
    }

    /** An earlier check-in without a temperature, reporting {@code symptoms}. */
    TriageCase earlierCheckIn(long minutesAgo, Symptom... symptoms) {
        earlier.add(new PatientContext.Earlier(NOW.minusSeconds(minutesAgo * 60), null, Set.of(symptoms)));
        return this;
    }

    /** An earlier ANC result, {@code daysAgo} before today. */
    TriageCase ancBefore(long daysAgo, int value) {
        ancHistory.add(new PatientContext.LabValue(TODAY.minusDays(daysAgo), value));
        return this;
    }

    /** A recorded infection diagnosed {@code daysAgo} before today. */
    TriageCase infection(long daysAgo, boolean sinopulmonary, boolean repeatOfAnother) {
        infections.add(new PatientContext.PastInfection(TODAY.minusDays(daysAgo), sinopulmonary, repeatOfAnother));
        return this;
    }

    TriageCase platelets(Integer count, LocalDate date) {
        this.platelets = count;
        this.plateletsDate = date;
        return this;
    }

    TriageCase anc(Integer anc, LocalDate date) {
        this.anc = anc;
        this.ancDate = date;
        return this;
    }

    TriageCase rules(RuleSet rules) {
        this.rules = rules;
        return this;
    }

    TriageCase language(Language language) {
        this.language = language;
        return this;
    }

    TriageCase set(java.util.function.Consumer<TriageCase> change) {
        change.accept(this);
        return this;
    }

    CheckIn checkIn() {
        return new CheckIn(NOW, temperature, antipyretic, new Vitals(spo2, heartRate, systolicBp, respiratoryRate),
                symptoms, stools, ice);
    }

    PatientContext context() {
        ClinicalStatus status = new ClinicalStatus(anc, ancDate, platelets, plateletsDate, igg, iggDate, ivig, cd4, steroids,
                toci, maxCrs, maxIcans, iecHs, icaht, prophylaxis, centralLine, caregiver, priorLines, priorAllo, frail,
                baselineIce, baselineSpo2, baselineSbp, travel);
        return new PatientContext(product, disease, TODAY.minusDays(day), secondDose, TODAY, age, status, earlier,
                ancHistory, infections, CENTER_PHONE);
    }

    TriageResult triage() {
        return ENGINE.triage(checkIn(), context(), rules, language);
    }

    Disposition disposition() {
        return triage().disposition();
    }
}
