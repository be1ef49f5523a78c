package org.cartcompanion.patient.triage;

import java.util.concurrent.TimeUnit;

import org.cartcompanion.patient.patient.Product;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One triage evaluation, for a busy check-in (fever, several symptoms, vitals, modifiers in play, a day of earlier check-ins,
 * ANC history and infection records) and a quiet one. Run: {@code ./mvnw -pl patient-service -am -Ptriage-bench test-compile}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TriageBenchmark {

    private final TriageEngine engine = new TriageEngine();
    private CheckIn busyCheckIn;
    private PatientContext busyPatient;
    private CheckIn quietCheckIn;
    private PatientContext quietPatient;

    @Setup
    public void setUp() {
        TriageCase busy = TriageCase.onDay(22).product(Product.CILTA_CEL).tempC(38.4).antipyretic(null)
                .with(Symptom.RIGORS, Symptom.COUGH, Symptom.BREATHLESS_ON_EXERTION, Symptom.FEELS_UNWELL)
                .spo2(93).heartRate(118).sbp(96).respRate(24).stools(5).ice(9)
                .anc(null, null).earlierReading(70, 38.1)
                .earlierCheckIn(300, Symptom.COUGH, Symptom.NUMBNESS_TINGLING).earlierCheckIn(900, Symptom.FEELS_UNWELL)
                .ancBefore(6, 1200).ancBefore(12, 1800).infection(40, true, false).infection(150, true, false)
                .set(c -> {
                    c.steroids = TriageCase.TODAY.minusDays(4);
                    c.toci = TriageCase.TODAY.minusDays(9);
                    c.igg = 300;
                    c.caregiver = false;
                    c.age = 77;
                    c.baselineSpo2 = 97;
                    c.baselineSbp = 130;
                });
        busyCheckIn = busy.checkIn();
        busyPatient = busy.context();
        TriageCase quiet = TriageCase.onDay(200).tempC(36.7);
        quietCheckIn = quiet.checkIn();
        quietPatient = quiet.context();
    }

    @Benchmark
    public TriageResult busyCheckIn() {
        return engine.triage(busyCheckIn, busyPatient, RuleSet.DEFAULT, org.cartcompanion.patient.patient.Language.EN);
    }

    @Benchmark
    public TriageResult quietCheckIn() {
        return engine.triage(quietCheckIn, quietPatient, RuleSet.DEFAULT, org.cartcompanion.patient.patient.Language.ES);
    }
}
