package org.cartcompanion.patient.me;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.access.client.CareTeamDirectory;
import org.cartcompanion.patient.access.client.CenterContact;
import org.cartcompanion.patient.checkin.repository.CheckInRepository;
import org.cartcompanion.patient.patient.Patient;
import org.cartcompanion.patient.patient.repository.PatientRepository;
import org.cartcompanion.patient.timeline.CheckInCadence;
import org.cartcompanion.patient.timeline.Phase;
import org.cartcompanion.patient.timeline.Timeline;
import org.cartcompanion.patient.triage.Phases;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MeService {

    private final PatientRepository patients;
    private final CareTeamDirectory directory;
    private final CheckInRepository checkIns;
    private final CheckInCadence cadence;
    private final Clock clock;

    public MeService(PatientRepository patients, CareTeamDirectory directory, CheckInRepository checkIns,
            CheckInCadence cadence, Clock clock) {
        this.patients = patients;
        this.directory = directory;
        this.checkIns = checkIns;
        this.cadence = cadence;
        this.clock = clock;
    }

    @WithSession
    public Uni<MeResponse> me(Caller caller) {
        String subject = caller.subject();
        return patients.ownAndLinked(subject, caller.has(Roles.PATIENT), caller.has(Roles.CAREGIVER))
                .flatMap(list -> describe(list, clock.instant()))
                .map(described -> new MeResponse(subject, caller.roles().stream().sorted().toList(), described));
    }

    private Uni<List<MeResponse.MePatient>> describe(List<Patient> list, Instant now) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom().iterable(list)
                .onItem().transformToUniAndConcatenate(p -> describe(p, now))
                .collect().asList();
    }

    private Uni<MeResponse.MePatient> describe(Patient p, Instant now) {
        // The phone still learns its day, phase and next check-in when care-team-service is away.
        Uni<Optional<CenterContact>> center = directory.center(p.centerId).onFailure().recoverWithItem(Optional.empty());
        return checkIns.lastRecordedAt(p.id).flatMap(last -> center.map(contact -> {
            LocalDate today = Timeline.localDate(now, ZoneId.of(p.timeZone));
            long day = Timeline.dayPostInfusion(p.infusionDate, today);
            Phase phase = Phases.of(p.product, p.infusionDate, p.secondDoseDate, today);
            MeResponse.Center reach = contact.map(c -> new MeResponse.Center(c.name(), c.phone()))
                    .orElse(new MeResponse.Center(null, null));
            return new MeResponse.MePatient(p.id, p.displayName, day, phase, cadence.nextDue(phase, last, p.createdAt),
                    reach);
        }));
    }
}
